package flight.hal.driver.host.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The slots of one size class: reuse, growth by whole regions, trimming of wholly free regions. */
class SizeClassTest {

    /** 64 B slots in 1 KiB regions: 16 slots a region. */
    private static final int SLOT_SHIFT = 6;
    static final int SLOTS = 16;

    static SizeClass sizeClass(int stripes) {
        return new SizeClass(SLOT_SHIFT, SLOT_SHIFT + 4, stripes);
    }

    @Test
    void aReleasedSlotIsTheNextOneTaken() {
        SizeClass slots = sizeClass(4);
        int first = slots.take();
        slots.take();
        slots.give(first);
        assertEquals(first, slots.take());
        assertEquals(1, slots.regionCount());
    }

    @Test
    void slotsAreDistinctAlignedViewsAndANewRegionComesOnlyWhenAllAreTaken() {
        SizeClass slots = sizeClass(2);
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < SLOTS; i++) {
            int slot = slots.take();
            assertTrue(taken.add(slot), "slot " + slot + " handed out twice");
            ByteBuffer buffer = slots.buffer(slot, 64);
            assertEquals(0, buffer.alignmentOffset(0, 64));
            buffer.put(0, (byte) i);
        }
        assertEquals(1, slots.regionCount());
        for (int slot : taken) {
            assertEquals(slot & (SLOTS - 1), slots.buffer(slot, 64).get(0), "each slot its own memory");
        }
        assertTrue(taken.add(slots.take()));
        assertEquals(2, slots.regionCount());
    }

    @Test
    void trimDropsOnlyRegionsWithNoSlotTaken() {
        SizeClass slots = sizeClass(4);
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < 3 * SLOTS; i++) {
            taken.add(slots.take());
        }
        int kept = taken.get(SLOTS);
        taken.forEach(slot -> {
            if (slot != kept) {
                slots.give(slot);
            }
        });
        assertEquals(2L * SLOTS * 64, slots.trim(), "two whole regions");
        assertEquals(1, slots.regionCount());
        assertEquals(0, slots.trim(), "the kept slot's region stays");
        slots.buffer(kept, 64).put(63, (byte) 9);
        assertEquals(9, slots.buffer(kept, 64).get(63));
        slots.give(kept);
        assertEquals(SLOTS * 64L, slots.trim());
        assertEquals(0, slots.regionCount());
        assertTrue(slots.take() >= 0, "a trimmed class reserves a region again");
    }

    @Test
    void threadsSharingOneStripeNeverTakeTheSameSlot() throws Exception {
        SizeClass slots = sizeClass(1);
        int threads = 4;
        int rounds = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> clashes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                byte mark = (byte) (t + 1);
                Callable<Integer> churn = () -> {
                    int clash = 0;
                    for (int i = 0; i < rounds; i++) {
                        int slot = slots.take();
                        ByteBuffer buffer = slots.buffer(slot, 64);
                        buffer.put(0, mark);
                        Thread.onSpinWait();
                        clash += buffer.get(0) == mark ? 0 : 1;
                        slots.give(slot);
                    }
                    return clash;
                };
                clashes.add(pool.submit(churn));
            }
            for (Future<Integer> clash : clashes) {
                assertEquals(0, clash.get(60, TimeUnit.SECONDS), "a slot was held by two threads at once");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, slots.regionCount(), "four threads holding one slot each fit in one region");
    }
}
