package flight.hal.driver.support.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

class PartitionedMemoryDriverTest {
    private final TestPartitionedDriver driver = TestPartitionedDriver.initialized();

    private MemoryAllocation allocate(long size, MemoryFlag... flags) {
        return driver.allocate(AllocationRequest.of(size).withFlags(flags)).orElseThrow();
    }

    private static ErrorCategory category(HalResult<?> result) {
        assertTrue(result.isErr(), () -> "expected an error, got " + result);
        return result.errorOrNull().category();
    }

    @Test
    void allocationsAreViewsOfTheRegionWithThePartitionsAlignmentAndBlockSize() {
        MemoryAllocation allocation = allocate(100);
        ByteBuffer buffer = allocation.buffer();
        assertTrue(buffer.isDirect());
        assertEquals(100, buffer.capacity());
        assertEquals(64, allocation.alignment());
        assertEquals(0, buffer.alignmentOffset(0, 64));
        assertEquals(MemoryType.SYSTEM, allocation.type());
        MemoryStats main = driver.stats(MemoryType.SYSTEM).orElseThrow();
        assertEquals(new MemoryStats(32768, 1024, 31744, 1024, 1, 1, 0, 31744), main);
        MemoryAllocation paged = driver.allocate(AllocationRequest.of(10, flight.hal.memory.MemoryAlignment.PAGE))
                .orElseThrow();
        assertEquals(4096, paged.alignment());
        assertEquals(0, paged.buffer().alignmentOffset(0, 4096));
    }

    @Test
    void liveBlocksNeverOverlap() {
        List<MemoryAllocation> live = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            MemoryAllocation allocation = allocate(700 + i * 13L);
            for (int b = 0; b < allocation.size(); b++) {
                allocation.buffer().put(b, (byte) i);
            }
            live.add(allocation);
        }
        for (int i = 0; i < live.size(); i++) {
            ByteBuffer buffer = live.get(i).buffer();
            for (int b = 0; b < buffer.capacity(); b++) {
                assertEquals((byte) i, buffer.get(b), "allocation " + i + ", byte " + b);
            }
        }
    }

    @Test
    void mediaProcessingPrefersTheMediaPartitionAndFallsBackToMain() {
        List<MemoryAllocation> media = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            media.add(allocate(512, MemoryFlag.MEDIA_PROCESSING));
        }
        assertTrue(media.stream().allMatch(allocation -> allocation.type() == MemoryType.MEDIA));
        assertEquals(8192, driver.stats(MemoryType.MEDIA).orElseThrow().usedBytes());
        MemoryAllocation spilled = allocate(512, MemoryFlag.MEDIA_PROCESSING);
        assertEquals(MemoryType.SYSTEM, spilled.type());
        assertEquals(1024, driver.stats(MemoryType.SYSTEM).orElseThrow().usedBytes());
        HalResult<MemoryAllocation> mediaOnly =
                driver.allocate(AllocationRequest.of(512).withType(MemoryType.MEDIA));
        assertEquals(ErrorCategory.OUT_OF_MEMORY, category(mediaOnly));
        assertTrue(mediaOnly.errorOrNull().message().contains("media partition of 8192 bytes, 0 free"),
                mediaOnly.errorOrNull().message());
    }

    @Test
    void scratchIsUsedOnlyByRequestsThatAllowItOnceMainIsFull() {
        allocate(32768);
        HalResult<MemoryAllocation> refused = driver.allocate(AllocationRequest.of(100));
        assertEquals(ErrorCategory.OUT_OF_MEMORY, category(refused));
        assertTrue(refused.errorOrNull().message().contains("main partition of 32768 bytes, 0 free"));
        assertFalse(refused.errorOrNull().message().contains("scratch"));
        MemoryAllocation scratch = allocate(100, MemoryFlag.ALLOW_SCRATCH);
        assertEquals(MemoryType.SCRATCH, scratch.type());
        assertEquals(128, driver.stats(MemoryType.SCRATCH).orElseThrow().usedBytes());
        assertFalse(driver.supportsMemoryType(MemoryType.SCRATCH));
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY,
                category(driver.allocate(AllocationRequest.of(10).withType(MemoryType.SCRATCH))));
    }

    @Test
    void typesAreServedByThePartitionsThatServeThem() {
        assertEquals(MemoryType.AUDIO, driver.allocate(AllocationRequest.of(10).withType(MemoryType.AUDIO))
                .orElseThrow().type());
        assertTrue(driver.supportsMemoryType(MemoryType.AUDIO));
        HalResult<MemoryAllocation> video = driver.allocate(AllocationRequest.of(10).withType(MemoryType.VIDEO));
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, category(video));
        assertTrue(video.errorOrNull().message().contains("VIDEO is not available on Test Console; requests may ask"
                + " for SYSTEM, AUDIO, MEDIA"), video.errorOrNull().message());
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, category(driver.stats(MemoryType.VIDEO)));
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, category(driver.stats(null)));
    }

    @Test
    void limitsAndBadRequestsAreErrorsNamingTheValues() {
        HalResult<MemoryAllocation> tooBig = driver.allocate(AllocationRequest.of(32769));
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, category(tooBig));
        assertEquals("test.partitioned: requested 32769 bytes exceeds the maximum single allocation of 32768 bytes",
                tooBig.errorOrNull().message());
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.allocate(AllocationRequest.of(0))));
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.allocate(null)));
        assertEquals(ErrorCategory.INVALID_PARAMETER,
                category(driver.allocate(new AllocationRequest(8, 8192, Set.of(), MemoryType.SYSTEM))));
        assertFalse(driver.supportsAlignment(8192));
        assertTrue(driver.supportsAlignment(4096));
        assertEquals(0, driver.stats().orElseThrow().totalAllocations());
    }

    @ParameterizedTest
    @EnumSource(value = MemoryFlag.class, names = {"DMA_CAPABLE", "EXECUTABLE", "UNCACHED", "GPU_VISIBLE"})
    void flagsAJvmCannotHonourAreRefused(MemoryFlag flag) {
        HalResult<MemoryAllocation> result = driver.allocate(AllocationRequest.of(10).withFlags(flag));
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, category(result));
        assertTrue(result.errorOrNull().message().contains(flag + " cannot be honoured on Test Console"));
    }

    @Test
    void zeroInitializedBlocksAreZeroedEvenWhenReused() {
        MemoryAllocation dirty = allocate(2000);
        for (int i = 0; i < 2000; i++) {
            dirty.buffer().put(i, (byte) 0x7F);
        }
        driver.deallocate(dirty.handle()).orElseThrow();
        MemoryAllocation reused = allocate(2000, MemoryFlag.ZERO_INITIALIZED);
        for (int i = 0; i < 2000; i++) {
            assertEquals(0, reused.buffer().get(i), "byte " + i);
        }
    }

    @Test
    void releaseIsOnceOnlyAndFreedMemoryCoalesces() {
        List<Long> handles = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            handles.add(allocate(1000).handle());
        }
        assertEquals(0, driver.stats(MemoryType.SYSTEM).orElseThrow().freeBytes());
        handles.forEach(handle -> driver.deallocate(handle).orElseThrow());
        assertEquals(ErrorCategory.NOT_FOUND, category(driver.deallocate(handles.get(3))));
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.deallocate(0)));
        MemoryStats main = driver.stats(MemoryType.SYSTEM).orElseThrow();
        assertEquals(32768, main.largestFreeBlock());
        assertEquals(0, main.activeAllocations());
        assertEquals(32, main.totalDeallocations());
        assertEquals(32768, allocate(32768).size());
    }

    @Test
    void reallocationMovesTheContentsAndFailureLeavesTheOldBlock() {
        MemoryAllocation old = allocate(100);
        old.buffer().put(99, (byte) 9);
        MemoryAllocation grown = driver.reallocate(old.handle(), 3000).orElseThrow();
        assertEquals(9, grown.buffer().get(99));
        assertFalse(driver.isValid(old.handle()));
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, category(driver.reallocate(grown.handle(), 40000)));
        assertEquals(ErrorCategory.NOT_FOUND, category(driver.reallocate(old.handle(), 10)));
        assertEquals(grown, driver.allocationInfo(grown.handle()).orElseThrow());
        assertEquals(3008, driver.stats().orElseThrow().usedBytes());
    }

    /** Regression (found by the memory contract's properties): the copy honoured the caller's limit and threw. */
    @Test
    void reallocationCopiesWhateverTheCallerDidToThePositionAndLimit() {
        MemoryAllocation old = allocate(100);
        old.buffer().put(99, (byte) 9).limit(0);
        MemoryAllocation grown = driver.reallocate(old.handle(), 3000).orElseThrow();
        assertEquals(9, grown.buffer().get(99));
        assertEquals(1, driver.stats().orElseThrow().activeAllocations());
    }

    /** Regression (found by the memory contract's properties): the partitions' immutable type sets threw for null. */
    @Test
    void noTypeIsNotSupportedAndNoRequestIsRefused() {
        assertFalse(driver.supportsMemoryType(null));
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.allocate(null)));
    }

    @Test
    void crossingTheGcThresholdHintsOncePerCrossing() {
        List<Long> handles = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            handles.add(allocate(1024).handle());
        }
        assertEquals(0, driver.gcHints);
        handles.add(allocate(1024).handle());
        allocate(1024);
        assertEquals(1, driver.gcHints);
        driver.deallocate(handles.get(0)).orElseThrow();
        driver.deallocate(handles.get(1)).orElseThrow();
        allocate(1024);
        allocate(1024);
        assertEquals(2, driver.gcHints);
    }

    @Test
    void statsAddUpThePartitions() {
        allocate(100);
        allocate(100, MemoryFlag.MEDIA_PROCESSING);
        MemoryStats all = driver.stats().orElseThrow();
        assertEquals(new MemoryStats(49152, 1536, 47616, 1536, 2, 2, 0, 31744), all);
    }

    @Test
    void callsOutsideInitializationAreInvalidStateAndHandlesAreNeverReused() {
        long first = allocate(10).handle();
        driver.shutdown();
        assertFalse(driver.isActive());
        assertEquals(ErrorCategory.INVALID_STATE, category(driver.allocate(AllocationRequest.of(10))));
        assertEquals(ErrorCategory.INVALID_STATE, category(driver.stats()));
        assertEquals(ErrorCategory.INVALID_STATE, category(driver.gcHint()));
        assertFalse(driver.isValid(first));
        driver.initialize().orElseThrow();
        assertTrue(allocate(10).handle() > first);
        assertEquals(1, driver.stats().orElseThrow().totalAllocations());
        assertEquals(0L, driver.trim().orElseThrow());
        assertEquals(0L, driver.defragment((moved, total) -> assertEquals(0, total)).orElseThrow());
    }
}
