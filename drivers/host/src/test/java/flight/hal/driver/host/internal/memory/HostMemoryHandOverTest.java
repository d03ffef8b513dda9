package flight.hal.driver.host.internal.memory;

import static flight.hal.driver.host.internal.memory.Drivers.category;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.memory.MemoryLayout;
import flight.hal.driver.support.memory.PartitionSpec;
import flight.hal.driver.support.memory.PartitionedMemoryDriver;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryHandOver;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

/**
 * Host memory handing allocations to and taking them from a partitioned console driver, and refusing foreign handles.
 */
class HostMemoryHandOverTest {
    private static final long MAIN_RAM = 16L * 1024 * 1024;
    private static final long MAX_ALLOCATION = 1024 * 1024;

    /** The Dreamcast's memory: 16 MiB, a SYSTEM main partition of 4 KiB blocks, a scratch partition, 1 MiB at most. */
    static final class ConsoleMemoryDriver extends PartitionedMemoryDriver {
        private static final PartitionSpec MAIN = PartitionSpec.share("main", MemoryType.SYSTEM, 0, MAIN_RAM, 0.8, 64,
                4096, MemoryType.SYSTEM);
        private static final PartitionSpec SCRATCH = PartitionSpec.share("scratch", MemoryType.SCRATCH, MAIN.capacity(),
                MAIN_RAM, 0.1, 32, 32).fallbackFor(MemoryFlag.ALLOW_SCRATCH);

        ConsoleMemoryDriver() {
            super("console.memory", new MemoryLayout(MAIN_RAM, List.of(MAIN, SCRATCH), MAX_ALLOCATION, 0));
        }

        @Override
        protected PlatformProfile platform() {
            return new PlatformProfile(new PlatformInfo("Console", "SH-4", "", MAIN_RAM, 32, MAX_ALLOCATION, 1, 0),
                    EnumSet.of(HalCapability.BASIC_MEMORY), PerformanceTier.MINIMAL);
        }
    }

    private final HostMemoryDriver host = Drivers.initialized();
    private final ConsoleMemoryDriver console = new ConsoleMemoryDriver();

    HostMemoryHandOverTest() {
        console.initialize().orElseThrow();
    }

    @AfterEach
    void shutDown() {
        console.shutdown();
    }

    private MemoryAllocation allocate(HostMemoryDriver driver, AllocationRequest request) {
        return driver.allocate(request).orElseThrow();
    }

    private static HalError refusal(HalResult<LiveObjects> adopted, ErrorCategory expected) {
        assertEquals(expected, category(adopted));
        assertTrue(adopted.errorOrNull().message().contains("so it adopts none"), adopted.errorOrNull().message());
        return adopted.errorOrNull();
    }

    @Test
    void anotherDriversHandlesAreRefusedAndChangeNothing() {
        MemoryAllocation kept = allocate(host, AllocationRequest.of(64));
        MemoryStats before = host.stats().orElseThrow();
        long foreign = console.allocate(AllocationRequest.of(64)).orElseThrow().handle();
        for (HalResult<?> refused : List.of(host.deallocate(foreign), host.reallocate(foreign, 128),
                host.allocationInfo(foreign))) {
            assertEquals(ErrorCategory.INVALID_PARAMETER, category(refused));
            assertEquals(HandleIssuer.FOREIGN_HANDLE, refused.errorOrNull().code());
            assertTrue(refused.errorOrNull().message().contains("issued by console.memory#"));
        }
        assertFalse(host.isValid(foreign));
        assertEquals(before, host.stats().orElseThrow());
        assertTrue(host.isValid(kept.handle()) && console.isValid(foreign));
        assertEquals(HandleIssuer.FOREIGN_HANDLE, console.deallocate(kept.handle()).errorOrNull().code());
    }

    @Test
    void theConsoleAdoptsHostAllocationsKeepingHandlesBuffersAndContents() {
        MemoryAllocation small = allocate(host, AllocationRequest.of(100));
        MemoryAllocation large = allocate(host, AllocationRequest.of(10_000));
        small.buffer().put(99, (byte) 9);
        large.buffer().put(9_999, (byte) 7);
        MemoryHandOver exported = host.exportObjects().orElseThrow();
        assertEquals(new LiveObjects(2, 10_100), exported.size());
        assertEquals(exported.size(), host.liveObjects());

        assertEquals(exported.size(), console.adoptObjects(exported, host.handles()).orElseThrow());
        host.exportCompleted();
        assertEquals(LiveObjects.NONE, host.liveObjects());
        assertEquals(0, host.stats().orElseThrow().usedBytes());

        MemoryAllocation adopted = console.allocationInfo(small.handle()).orElseThrow();
        assertSame(small.buffer(), adopted.buffer(), "the client's buffer is the allocation's");
        assertEquals(9, adopted.buffer().get(99));
        MemoryStats stats = console.stats().orElseThrow();
        assertEquals(2, stats.activeAllocations());
        assertEquals(4096 + 10_048, stats.usedBytes(), "each takes a block of the main partition");
        assertTrue(console.handles().owns(large.handle()));

        console.deallocate(large.handle()).orElseThrow();
        assertEquals(4096, console.stats().orElseThrow().usedBytes(), "its block returns to the partition");
        MemoryAllocation grown = console.reallocate(small.handle(), 5_000).orElseThrow();
        assertEquals(9, grown.buffer().get(99));
        assertEquals(5056, console.stats().orElseThrow().usedBytes(), "the block of the new size only");
    }

    @Test
    void whatTheConsoleCannotHoldIsRefusedAndNothingChangesInEitherDriver() {
        MemoryAllocation kept = allocate(host, AllocationRequest.of(64));
        MemoryAllocation tooLarge = allocate(host, AllocationRequest.of(MAX_ALLOCATION + 1));
        MemoryStats hostBefore = host.stats().orElseThrow();
        MemoryStats consoleBefore = console.stats().orElseThrow();
        MemoryStats consoleMainBefore = console.stats(MemoryType.SYSTEM).orElseThrow();
        HalError error = refusal(console.adoptObjects(host.exportObjects().orElseThrow(), host.handles()),
                ErrorCategory.INSUFFICIENT_RESOURCES);
        assertTrue(error.message().contains(Long.toString(tooLarge.handle())), error.message());
        host.deallocate(tooLarge.handle()).orElseThrow();
        MemoryAllocation audio = allocate(host, AllocationRequest.of(64).withType(MemoryType.AUDIO));
        refusal(console.adoptObjects(host.exportObjects().orElseThrow(), host.handles()),
                ErrorCategory.UNSUPPORTED_CAPABILITY);
        host.deallocate(audio.handle()).orElseThrow();
        MemoryAllocation dma = allocate(host, AllocationRequest.of(64).withFlags(MemoryFlag.DMA_CAPABLE));
        refusal(console.adoptObjects(host.exportObjects().orElseThrow(), host.handles()),
                ErrorCategory.UNSUPPORTED_CAPABILITY);
        host.deallocate(dma.handle()).orElseThrow();

        List<MemoryAllocation> moreThanMain = new ArrayList<>();
        for (int i = 0; i < 13; i++) { // 13 MiB and more: beyond the 12.8 MiB main partition
            moreThanMain.add(allocate(host, AllocationRequest.of(MAX_ALLOCATION)));
        }
        refusal(console.adoptObjects(host.exportObjects().orElseThrow(), host.handles()),
                ErrorCategory.OUT_OF_MEMORY);

        assertEquals(consoleBefore, console.stats().orElseThrow());
        assertEquals(consoleMainBefore, console.stats(MemoryType.SYSTEM).orElseThrow());
        assertFalse(console.isValid(kept.handle()));
        assertFalse(console.handles().owns(kept.handle()));
        moreThanMain.forEach(allocation -> host.deallocate(allocation.handle()).orElseThrow());
        MemoryStats hostAfter = host.stats().orElseThrow();
        assertEquals(hostBefore.activeAllocations() - 1, hostAfter.activeAllocations());
        assertEquals(hostBefore.usedBytes() - tooLarge.size(), hostAfter.usedBytes());
        assertTrue(host.isValid(kept.handle()));
    }

    @Test
    void theHostAdoptsConsoleAllocationsOfAnyKind() {
        MemoryAllocation main = console.allocate(AllocationRequest.of(100)).orElseThrow();
        List<MemoryAllocation> filling = new ArrayList<>();
        while (filling.size() < 12) { // leaves less than 1 MiB of main
            filling.add(console.allocate(AllocationRequest.of(MAX_ALLOCATION)).orElseThrow());
        }
        MemoryAllocation scratch = console.allocate(AllocationRequest.of(MAX_ALLOCATION)
                .withFlags(MemoryFlag.ALLOW_SCRATCH)).orElseThrow();
        assertEquals(MemoryType.SCRATCH, scratch.type());
        main.buffer().put(0, (byte) 3);
        MemoryHandOver exported = console.exportObjects().orElseThrow();

        assertEquals(exported.size(), host.adoptObjects(exported, console.handles()).orElseThrow());
        console.exportCompleted();
        assertEquals(LiveObjects.NONE, console.liveObjects());
        MemoryStats stats = host.stats().orElseThrow();
        assertEquals(14, stats.activeAllocations());
        assertEquals(exported.size().bytes(), stats.usedBytes());
        assertSame(main.buffer(), host.allocationInfo(main.handle()).orElseThrow().buffer());
        assertEquals(3, host.reallocate(main.handle(), 200).orElseThrow().buffer().get(0));
        host.deallocate(scratch.handle()).orElseThrow();
        assertFalse(host.isValid(scratch.handle()));
        assertEquals(new LiveObjects(13, 200 + 12 * MAX_ALLOCATION), host.dropObjects());
        assertEquals(0, host.stats().orElseThrow().usedBytes());
    }

    @Test
    void theHostRefusesAllocationsBeyondItsConfiguredLimit() {
        HostMemoryDriver limited = Drivers.initialized(
                Map.of(HostMemoryConfig.MAX_ALLOCATION_BYTES, 1024L));
        MemoryAllocation small = console.allocate(AllocationRequest.of(100)).orElseThrow();
        console.allocate(AllocationRequest.of(2000)).orElseThrow();
        MemoryStats before = limited.stats().orElseThrow();
        HalError error = refusal(limited.adoptObjects(console.exportObjects().orElseThrow(), console.handles()),
                ErrorCategory.INSUFFICIENT_RESOURCES);
        assertTrue(error.message().contains("1024 bytes"), error.message());
        assertEquals(before, limited.stats().orElseThrow());
        assertEquals(HandleIssuer.FOREIGN_HANDLE, limited.deallocate(small.handle()).errorOrNull().code());
        assertEquals(new LiveObjects(2, 2100), console.liveObjects());
    }

    @Test
    void handlesOfAnEarlierInitializationAreForeign() {
        long earlier = allocate(host, AllocationRequest.of(64)).handle();
        host.shutdown();
        host.initialize().orElseThrow();
        assertEquals(HandleIssuer.FOREIGN_HANDLE, host.allocationInfo(earlier).errorOrNull().code());
        assertEquals(LiveObjects.NONE, host.dropObjects());
    }
}
