package flight.hal.driver.host.internal.memory;

import static flight.hal.driver.host.internal.memory.Drivers.category;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

class HostMemoryDriverStatsTest {

    private final HostMemoryDriver driver = Drivers.initialized();

    private long allocate(long size, MemoryType type) {
        return driver.allocate(AllocationRequest.of(size).withType(type)).orElseThrow().handle();
    }

    @Test
    void statsCountExactlyOverallAndPerType() {
        long a = allocate(100, MemoryType.SYSTEM);
        long b = allocate(200, MemoryType.SYSTEM);
        allocate(300, MemoryType.AUDIO);
        assertTrue(driver.deallocate(b).isOk());
        driver.deallocate(b); // a failed double free changes nothing

        MemoryStats all = driver.stats().orElseThrow();
        long total = Runtime.getRuntime().maxMemory();
        assertEquals(new MemoryStats(total, 400, total - 400, 600, 2, 3, 1,
                Math.min(total - 400, driver.maxAllocationSize())), all);

        MemoryStats system = driver.stats(MemoryType.SYSTEM).orElseThrow();
        assertEquals(100, system.usedBytes());
        assertEquals(300, system.peakUsedBytes());
        assertEquals(1, system.activeAllocations());
        assertEquals(2, system.totalAllocations());
        assertEquals(1, system.totalDeallocations());
        assertEquals(total - 400, system.freeBytes());

        MemoryStats audio = driver.stats(MemoryType.AUDIO).orElseThrow();
        assertEquals(300, audio.usedBytes());
        assertEquals(1, audio.activeAllocations());
        assertEquals(0, driver.stats(MemoryType.NETWORK).orElseThrow().totalAllocations());
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, category(driver.stats(MemoryType.VIDEO)));

        driver.deallocate(a);
        assertEquals(300, driver.stats().orElseThrow().usedBytes());
        assertEquals(600, driver.stats().orElseThrow().peakUsedBytes());
    }

    @Test
    void configuredLimitLowersTheMaximumAllocation() {
        HostMemoryDriver limited = Drivers.initialized(
                Map.of(HostMemoryConfig.MAX_ALLOCATION_BYTES, 1024L));
        assertEquals(1024, limited.maxAllocationSize());
        assertTrue(limited.allocate(AllocationRequest.of(1024)).isOk());
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, category(limited.allocate(AllocationRequest.of(1025))));
        assertEquals(1024, limited.stats().orElseThrow().largestFreeBlock());
        assertEquals(1024, limited.platformInfo().maxAllocationSize());

        limited.configure(Map.of(HostMemoryConfig.MAX_ALLOCATION_BYTES, "4096"));
        assertEquals(4096, limited.maxAllocationSize());
        limited.configure(Map.of(HostMemoryConfig.MAX_ALLOCATION_BYTES, -1L));
        assertEquals(Math.min(Integer.MAX_VALUE - HostMemoryDriver.MAX_ALIGNMENT, Runtime.getRuntime().maxMemory()),
                limited.maxAllocationSize());
    }

    @Test
    void aModifiedRankingKeepsTheDriverAndItsAllocations() {
        long handle = allocate(64, MemoryType.SYSTEM);
        driver.configure(Map.of("service.ranking", 42));
        assertTrue(driver.isActive());
        assertTrue(driver.isValid(handle));
    }

    @Test
    void concurrentCyclesKeepExactAccounts() throws Exception {
        int threads = 4;
        int cycles = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> errors = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                errors.add(pool.submit(() -> cycle(seed, cycles)));
            }
            for (Future<Integer> threadErrors : errors) {
                assertEquals(0, threadErrors.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        MemoryStats stats = driver.stats().orElseThrow();
        assertEquals(0, stats.usedBytes());
        assertEquals(0, stats.activeAllocations());
        assertEquals(threads * cycles, stats.totalAllocations());
        assertEquals(threads * cycles, stats.totalDeallocations());
        assertTrue(stats.peakUsedBytes() > 0);
    }

    /** Allocate, write, check, release; returns the number of failures. */
    private int cycle(int seed, int cycles) {
        int failures = 0;
        for (int i = 0; i < cycles; i++) {
            var result = driver.allocate(AllocationRequest.of(16 + (i * 7 + seed) % 512));
            if (result.isErr()) {
                failures++;
                continue;
            }
            ByteBuffer buffer = result.valueOrNull().buffer();
            buffer.put(0, (byte) seed);
            if (buffer.get(0) != seed || driver.deallocate(result.valueOrNull().handle()).isErr()) {
                failures++;
            }
        }
        return failures;
    }

    @Test
    void callsOutsideInitializationAreInvalidState() {
        HostMemoryDriver fresh = new HostMemoryDriver();
        fresh.configure(Map.of());
        assertInvalidState(fresh);
        assertTrue(fresh.initialize().isOk());
        assertTrue(fresh.initialize().isOk());
        assertTrue(fresh.isActive());
        assertTrue(fresh.shutdown().isOk());
        assertInvalidState(fresh);
    }

    private static void assertInvalidState(HostMemoryDriver driver) {
        assertTrue(!driver.isActive() && driver.isAvailable());
        List.of(driver.allocate(AllocationRequest.of(8)), driver.deallocate(1), driver.reallocate(1, 8),
                driver.stats(), driver.stats(MemoryType.SYSTEM), driver.allocationInfo(1), driver.defragment(null),
                driver.gcHint(), driver.trim())
                .forEach(result -> {
                    assertEquals(ErrorCategory.INVALID_STATE, category(result));
                    assertEquals("driver host.memory is not initialized", result.errorOrNull().message());
                });
    }

    @Test
    void shutdownDropsLiveAllocations() {
        long handle = allocate(1000, MemoryType.SYSTEM);
        allocate(24, MemoryType.SHARED);
        assertTrue(driver.shutdown().isOk());
        assertTrue(driver.initialize().isOk());
        MemoryStats stats = driver.stats().orElseThrow();
        assertEquals(0, stats.activeAllocations());
        assertEquals(0, stats.usedBytes());
        assertEquals(0, stats.totalAllocations());
        HalResult<Void> earlier = driver.deallocate(handle);
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(earlier), "a handle of an earlier initialization");
        assertEquals(HandleIssuer.FOREIGN_HANDLE, earlier.errorOrNull().code());
        assertTrue(HandleIssuer.issuerOf(allocate(8, MemoryType.SYSTEM)) != HandleIssuer.issuerOf(handle),
                "each initialization issues its own handles");
    }

    @Test
    void maintenanceCallsSucceedHonestly() {
        long[] progress = {-1, -1};
        assertEquals(0L, driver.defragment((moved, toMove) -> {
            progress[0] = moved;
            progress[1] = toMove;
        }).orElseThrow());
        assertEquals(0, progress[0]);
        assertEquals(0, progress[1]);
        assertTrue(driver.gcHint().isOk());
        assertTrue(driver.trim().orElseThrow() >= 0);
    }
}
