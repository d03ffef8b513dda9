package flight.hal.driver.host.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import flight.hal.testkit.HalProperty;

/** The slots of one size class under any order of takes, gives and trims. */
class SizeClassPropertyTest {

    /** Random takes, gives and trims: a slot is never handed out twice and trim keeps every region with a taken slot. */
    @HalProperty
    void noSlotIsEverHeldTwice(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 99) Integer> steps) {
        SizeClass slots = SizeClassTest.sizeClass(2);
        List<Integer> held = new ArrayList<>();
        for (int step : steps) {
            if (step < 50 || held.isEmpty()) {
                int slot = slots.take();
                assertFalse(held.contains(slot), "slot " + slot + " handed out twice");
                held.add(slot);
                slots.buffer(slot, 64).put(0, (byte) slot);
            } else if (step < 95) {
                slots.give(held.remove(step % held.size()));
            } else {
                slots.trim();
            }
        }
        Set<Integer> regions = new HashSet<>();
        for (int slot : held) {
            assertEquals((byte) slot, slots.buffer(slot, 64).get(0), "a held slot keeps its bytes");
            regions.add(slot / SizeClassTest.SLOTS);
        }
        slots.trim();
        assertEquals(regions.size(), slots.regionCount());
    }

}
