package flight.hal.driver.dreamcast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.PerformanceTier;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAlignment;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

class DreamcastMemoryDriverTest {
    private static final long MAIN_PARTITION = 13_421_760; // 80 % of 16 MiB in whole 64-byte blocks
    private static final long SCRATCH_PARTITION = 1_677_696; // 10 % of 16 MiB in whole 32-byte blocks

    private final DreamcastMemoryDriver driver = new DreamcastMemoryDriver();

    DreamcastMemoryDriverTest() {
        driver.initialize().orElseThrow();
    }

    @AfterEach
    void shutDown() {
        driver.shutdown();
    }

    @Test
    void sixteenMegabytesSplitIntoMainAndScratchPartitions() {
        assertEquals(MAIN_PARTITION, driver.stats(MemoryType.SYSTEM).orElseThrow().totalBytes());
        assertEquals(SCRATCH_PARTITION, driver.stats(MemoryType.SCRATCH).orElseThrow().totalBytes());
        assertEquals(MAIN_PARTITION + SCRATCH_PARTITION, driver.stats().orElseThrow().totalBytes());
        assertEquals(16L * 1024 * 1024, driver.platformInfo().machineMemoryBytes());
    }

    @Test
    void theMainPartitionHandsOutFourKilobyteBlocksWith64ByteAlignment() {
        MemoryAllocation small = driver.allocate(AllocationRequest.of(10, MemoryAlignment.NONE)).orElseThrow();
        assertEquals(64, small.alignment());
        assertEquals(0, small.buffer().alignmentOffset(0, 64));
        assertEquals(4096, driver.stats(MemoryType.SYSTEM).orElseThrow().usedBytes());
    }

    @Test
    void oneMegabyteIsTheLargestAllocation() {
        assertTrue(driver.allocate(AllocationRequest.of(1024 * 1024)).isOk());
        HalResult<MemoryAllocation> over = driver.allocate(AllocationRequest.of(1024 * 1024 + 1));
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, over.errorOrNull().category());
        assertEquals("dreamcast.memory: requested 1048577 bytes exceeds the maximum single allocation of 1048576"
                + " bytes", over.errorOrNull().message());
    }

    @Test
    void scratchServesOnlyAllowScratchRequestsOnceMainIsExhausted() {
        long left = MAIN_PARTITION;
        while (left > 0) {
            long size = Math.min(left, 1024 * 1024);
            driver.allocate(AllocationRequest.of(size)).orElseThrow();
            left -= size;
        }
        HalResult<MemoryAllocation> refused = driver.allocate(AllocationRequest.of(64));
        assertEquals(ErrorCategory.OUT_OF_MEMORY, refused.errorOrNull().category());
        MemoryAllocation scratch = driver.allocate(AllocationRequest.of(64).withFlags(MemoryFlag.ALLOW_SCRATCH))
                .orElseThrow();
        assertEquals(MemoryType.SCRATCH, scratch.type());
        assertEquals(32, scratch.alignment());
        assertEquals(64, driver.stats(MemoryType.SCRATCH).orElseThrow().usedBytes());
    }

    @Test
    void itIsAMinimalPlatformWithBasicMemoryOnly() {
        assertEquals(EnumSet.of(HalCapability.BASIC_MEMORY), driver.capabilities());
        assertEquals(PerformanceTier.MINIMAL, driver.performanceTier());
        assertEquals("Sega Dreamcast", driver.platformInfo().platformName());
        assertEquals(32, driver.platformInfo().memoryAlignment());
        assertEquals(1024 * 1024, driver.platformInfo().maxAllocationSize());
        assertEquals(1, driver.platformInfo().cpuCores());
    }

    @Test
    void aHostMemoryHandleIsRefusedAsForeign() {
        driver.allocate(AllocationRequest.of(64)).orElseThrow();
        MemoryStats before = driver.stats().orElseThrow();
        HalError refused = driver.deallocate(HandleIssuer.forDriver("host.memory").issue()).errorOrNull();
        assertEquals(ErrorCategory.INVALID_PARAMETER, refused.category());
        assertEquals(HandleIssuer.FOREIGN_HANDLE, refused.code());
        assertTrue(refused.message().startsWith("dreamcast.memory#"), refused.message());
        assertTrue(refused.message().contains("issued by host.memory#"), refused.message());
        assertEquals(before, driver.stats().orElseThrow());
    }
}
