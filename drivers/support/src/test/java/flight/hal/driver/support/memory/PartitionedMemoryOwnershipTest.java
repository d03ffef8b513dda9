package flight.hal.driver.support.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryHandOver;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

/** Handles and hand-over of a partitioned driver: foreign handles, export, adoption, drop. */
class PartitionedMemoryOwnershipTest {
    private final TestPartitionedDriver from = TestPartitionedDriver.initialized();
    private final TestPartitionedDriver to = TestPartitionedDriver.initialized();

    private static MemoryAllocation allocate(TestPartitionedDriver driver, AllocationRequest request) {
        return driver.allocate(request).orElseThrow();
    }

    private static HalError error(HalResult<?> result, ErrorCategory category) {
        assertTrue(result.isErr(), () -> "expected an error, got " + result);
        assertEquals(category, result.errorOrNull().category(), result.errorOrNull().toString());
        return result.errorOrNull();
    }

    private static void assertForeign(HalResult<?> result, String issuer) {
        HalError error = error(result, ErrorCategory.INVALID_PARAMETER);
        assertEquals(HandleIssuer.FOREIGN_HANDLE, error.code());
        assertTrue(error.message().contains("issued by " + issuer), error.message());
    }

    @Test
    void anotherDriversHandlesAreRefusedAndChangeNothing() {
        MemoryAllocation kept = allocate(from, AllocationRequest.of(100));
        MemoryStats before = from.stats().orElseThrow();
        long foreign = HandleIssuer.forDriver("other.memory#").issue();
        assertForeign(from.deallocate(foreign), "other.memory#");
        assertForeign(from.reallocate(foreign, 10), "other.memory#");
        assertForeign(from.allocationInfo(foreign), "other.memory#");
        assertTrue(from.deallocate(foreign).errorOrNull().message().startsWith(from.handles() + ": cannot release"));
        assertFalse(from.isValid(foreign));
        assertForeign(from.deallocate(kept.handle() & ((1L << 43) - 1)), "an unknown driver"); // issuer 0
        assertEquals(before, from.stats().orElseThrow());
        assertTrue(from.isValid(kept.handle()));
        assertEquals(ErrorCategory.INVALID_PARAMETER, from.deallocate(0).errorOrNull().category());
    }

    @Test
    void handlesOfAnEarlierInitializationAreForeignAfterReinitialization() {
        long earlier = allocate(from, AllocationRequest.of(100)).handle();
        from.shutdown();
        from.initialize().orElseThrow();
        assertForeign(from.deallocate(earlier), "test.partitioned#");
        assertFalse(from.isValid(earlier));
        long now = allocate(from, AllocationRequest.of(100)).handle();
        assertTrue(from.handles().issued(now) && !from.handles().owns(earlier));
    }

    @Test
    void adoptedAllocationsKeepTheirHandlesBuffersAndContents() {
        MemoryAllocation small = allocate(from, AllocationRequest.of(100));
        MemoryAllocation media = allocate(from, AllocationRequest.of(512).withType(MemoryType.MEDIA));
        MemoryAllocation filling = allocate(from, AllocationRequest.of(31744));
        MemoryAllocation scratch = allocate(from, AllocationRequest.of(100).withFlags(MemoryFlag.ALLOW_SCRATCH));
        assertEquals(MemoryType.SCRATCH, scratch.type());
        small.buffer().put(99, (byte) 9);
        scratch.buffer().put(0, (byte) 5);

        MemoryHandOver exported = from.exportObjects().orElseThrow();
        assertEquals(new LiveObjects(4, 32456), exported.size());
        assertEquals(exported.size(), from.liveObjects());
        assertTrue(from.isValid(small.handle()), "exporting forgets nothing");

        assertEquals(exported.size(), to.adoptObjects(exported, from.handles()).orElseThrow());
        assertEquals(exported.size(), to.liveObjects());
        for (MemoryAllocation allocation : List.of(small, media, filling, scratch)) {
            MemoryAllocation adopted = to.allocationInfo(allocation.handle()).orElseThrow();
            assertEquals(allocation, adopted);
            assertSame(allocation.buffer(), adopted.buffer(), "the very buffer its client holds");
        }
        assertEquals(9, to.allocationInfo(small.handle()).orElseThrow().buffer().get(99));
        MemoryStats stats = to.stats().orElseThrow();
        assertEquals(4, stats.activeAllocations());
        assertEquals(1024 + 512 + 31744 + 128, stats.usedBytes());
        assertEquals(512, to.stats(MemoryType.MEDIA).orElseThrow().usedBytes());
        assertEquals(128, to.stats(MemoryType.SCRATCH).orElseThrow().usedBytes());

        from.exportCompleted();
        assertEquals(LiveObjects.NONE, from.liveObjects());
        assertFalse(from.isValid(small.handle()));

        to.deallocate(filling.handle()).orElseThrow();
        assertEquals(1024, to.stats(MemoryType.SYSTEM).orElseThrow().usedBytes(), "released capacity returns");
        MemoryAllocation moved = to.reallocate(scratch.handle(), 200).orElseThrow();
        assertEquals(5, moved.buffer().get(0));
        assertTrue(to.handles().issued(moved.handle()));
        assertEquals(0, to.stats(MemoryType.SCRATCH).orElseThrow().usedBytes());
        MemoryAllocation grown = to.reallocate(small.handle(), 2000).orElseThrow();
        assertEquals(9, grown.buffer().get(99));
        assertFalse(to.isValid(small.handle()));
    }

    @Test
    void whatDoesNotFitIsRefusedAndNothingChangesInEitherDriver() {
        allocate(to, AllocationRequest.of(31744)); // leaves 1024 bytes of main
        MemoryAllocation fits = allocate(from, AllocationRequest.of(100));
        allocate(from, AllocationRequest.of(2000));
        MemoryStats toBefore = to.stats().orElseThrow();
        MemoryStats toMainBefore = to.stats(MemoryType.SYSTEM).orElseThrow();
        MemoryStats fromBefore = from.stats().orElseThrow();

        HalResult<LiveObjects> refused = to.adoptObjects(from.exportObjects().orElseThrow(), from.handles());
        HalError error = error(refused, ErrorCategory.OUT_OF_MEMORY);
        assertTrue(error.message().contains("so it adopts none") && error.message().contains("main partition of 32768"),
                error.message());

        assertEquals(toBefore, to.stats().orElseThrow());
        assertEquals(toMainBefore, to.stats(MemoryType.SYSTEM).orElseThrow());
        assertFalse(to.isValid(fits.handle()));
        assertForeign(to.deallocate(fits.handle()), "test.partitioned#");
        assertEquals(fromBefore, from.stats().orElseThrow());
        assertTrue(from.isValid(fits.handle()));
    }

    @Test
    void allocationsItCouldNotHaveMadeAreRefused() {
        HandleIssuer other = HandleIssuer.forDriver("other.memory#");
        MemoryAllocation plain = allocation(other, 64, 8, Set.of(), MemoryType.SYSTEM);
        Map<MemoryAllocation, ErrorCategory> refusals = Map.of(
                allocation(other, 64, 8, Set.of(), MemoryType.VIDEO), ErrorCategory.UNSUPPORTED_CAPABILITY,
                allocation(other, 64, 8, Set.of(MemoryFlag.DMA_CAPABLE), MemoryType.SYSTEM),
                ErrorCategory.UNSUPPORTED_CAPABILITY,
                allocation(other, 40000, 8, Set.of(), MemoryType.SYSTEM), ErrorCategory.INSUFFICIENT_RESOURCES,
                allocation(other, 64, 8192, Set.of(), MemoryType.SYSTEM), ErrorCategory.INVALID_PARAMETER);
        refusals.forEach((allocation, category) -> error(
                to.adoptObjects(new MemoryHandOver(List.of(plain, allocation)), other), category));
        assertEquals(LiveObjects.NONE, to.liveObjects());
        assertEquals(0, to.stats().orElseThrow().totalAllocations());
        assertFalse(to.handles().owns(plain.handle()));
        assertEquals(new LiveObjects(1, 64), to.adoptObjects(new MemoryHandOver(List.of(plain)), other)
                .orElseThrow());
        assertTrue(to.handles().owns(other.issue()), "after adopting, the predecessor's handles are its own");
    }

    private static MemoryAllocation allocation(HandleIssuer issuer, int size, int alignment, Set<MemoryFlag> flags,
                                               MemoryType type) {
        return new MemoryAllocation(issuer.issue(), ByteBuffer.allocateDirect(size), size, alignment, flags, type);
    }

    @Test
    void theBlocksOfExportedAllocationsStayTakenUntilShutdown() {
        MemoryAllocation whole = allocate(from, AllocationRequest.of(32768));
        to.adoptObjects(from.exportObjects().orElseThrow(), from.handles()).orElseThrow();
        from.exportCompleted();
        assertEquals(ErrorCategory.OUT_OF_MEMORY, from.allocate(AllocationRequest.of(100)).errorOrNull().category(),
                "the adopter's clients still use those bytes");
        whole.buffer().put(32767, (byte) 1);
        assertEquals(1, to.allocationInfo(whole.handle()).orElseThrow().buffer().get(32767));
        from.shutdown();
        assertEquals(1, whole.buffer().get(32767), "the memory outlives the driver that made it");
    }

    @Test
    void droppingReleasesEverythingAndSaysWhat() {
        long first = allocate(from, AllocationRequest.of(100)).handle();
        allocate(from, AllocationRequest.of(2000));
        assertEquals(new LiveObjects(2, 2100), from.dropObjects());
        assertEquals(LiveObjects.NONE, from.liveObjects());
        MemoryStats stats = from.stats().orElseThrow();
        assertEquals(0, stats.usedBytes());
        assertEquals(0, stats.activeAllocations());
        assertEquals(ErrorCategory.NOT_FOUND, from.deallocate(first).errorOrNull().category());
        from.shutdown();
        assertEquals(LiveObjects.NONE, from.dropObjects());
        assertEquals(ErrorCategory.INVALID_STATE, from.exportObjects().errorOrNull().category());
    }
}
