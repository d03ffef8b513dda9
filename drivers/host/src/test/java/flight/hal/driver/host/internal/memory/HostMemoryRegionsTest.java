package flight.hal.driver.host.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryFlag;

/** Host memory served from regions the driver cuts itself: reuse, zeroing, trimming, and memory never reused. */
class HostMemoryRegionsTest {

    private final HostMemoryDriver driver = Drivers.initialized();

    private MemoryAllocation allocate(AllocationRequest request) {
        return driver.allocate(request).orElseThrow();
    }

    /** How many buffers the JVM has reserved with {@code allocateDirect} (views cut from them not counted). */
    private static long directBuffers() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> "direct".equals(pool.getName())).mapToLong(BufferPoolMXBean::getCount)
                .findFirst().orElseThrow();
    }

    @Test
    void churnReservesNoDirectBufferPerAllocation() {
        AllocationRequest request = AllocationRequest.of(4096);
        List<Long> live = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            live.add(allocate(request).handle());
        }
        long before = directBuffers();
        for (int i = 0; i < 20_000; i++) {
            assertTrue(driver.deallocate(live.set(i % live.size(), allocate(request).handle())).isOk());
        }
        assertTrue(directBuffers() - before <= 1, "20,000 allocations reserved " + (directBuffers() - before)
                + " direct buffers");
    }

    @Test
    void releasedMemoryIsReusedAndZeroedOnlyWhenAsked() {
        MemoryAllocation first = allocate(AllocationRequest.of(256));
        first.buffer().put(0, (byte) 7);
        driver.deallocate(first.handle());
        MemoryAllocation reused = allocate(AllocationRequest.of(256));
        assertEquals(7, reused.buffer().get(0), "the released slot came back with its last user's bytes");
        driver.deallocate(reused.handle());
        MemoryAllocation zeroed = allocate(AllocationRequest.of(256).withFlags(MemoryFlag.ZERO_INITIALIZED));
        first.buffer().put(1, (byte) 8); // a caller still using a released buffer writes into the reused slot
        for (int i = 0; i < 256; i++) {
            assertEquals(i == 1 ? 8 : 0, zeroed.buffer().get(i), "byte " + i);
        }
    }

    @Test
    void trimReturnsWholeRegionsWithNoLiveAllocation() {
        List<MemoryAllocation> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.add(allocate(AllocationRequest.of(1024)));
        }
        MemoryAllocation kept = many.remove(0);
        many.forEach(allocation -> driver.deallocate(allocation.handle()));
        long trimmed = driver.trim().orElseThrow();
        assertTrue(trimmed > 0 && trimmed % (64 * 1024) == 0, "whole regions: " + trimmed);
        assertEquals(0, driver.trim().orElseThrow(), "nothing more to return");
        kept.buffer().put(1023, (byte) 3);
        assertEquals(3, driver.allocationInfo(kept.handle()).orElseThrow().buffer().get(1023));
        driver.deallocate(kept.handle());
        assertTrue(driver.trim().orElseThrow() > 0, "the kept allocation's region, once free");
    }

    @Test
    void largeRequestsGetARegionOfTheirOwn() {
        int large = (1 << RegionAllocator.LARGEST_CLASS_SHIFT) + 1;
        long before = directBuffers();
        MemoryAllocation allocation = allocate(AllocationRequest.of(large));
        assertEquals(before + 1, directBuffers());
        assertEquals(large, allocation.buffer().capacity());
        assertTrue(driver.deallocate(allocation.handle()).isOk());
    }

    @Test
    void memoryHandedOverIsNeverReused() {
        MemoryAllocation first = allocate(AllocationRequest.of(512));
        MemoryAllocation second = allocate(AllocationRequest.of(512));
        assertEquals(2, driver.exportObjects().orElseThrow().allocations().size());
        driver.exportCompleted();
        first.buffer().put(0, (byte) 1);
        second.buffer().put(0, (byte) 2);
        List<Long> fresh = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            MemoryAllocation allocation = allocate(AllocationRequest.of(512));
            allocation.buffer().put(0, (byte) 9);
            fresh.add(allocation.handle());
        }
        assertEquals(1, first.buffer().get(0), "the adopter's memory");
        assertEquals(2, second.buffer().get(0));
        fresh.forEach(driver::deallocate);
        assertEquals(0, driver.trim().orElseThrow(), "the region of the handed-over memory is not free");
    }
}
