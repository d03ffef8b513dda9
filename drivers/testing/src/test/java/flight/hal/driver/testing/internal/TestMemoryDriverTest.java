package flight.hal.driver.testing.internal;

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
import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryHandOver;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

class TestMemoryDriverTest {
    private final TestMemoryDriver from = initialized("test.memory");
    private final TestMemoryDriver to = initialized("test.memory.b");

    private static TestMemoryDriver initialized(String name) {
        TestMemoryDriver driver = new TestMemoryDriver();
        driver.configure(Map.of(HalDriver.NAME_PROPERTY, name));
        driver.initialize().orElseThrow();
        return driver;
    }

    private static void assertForeign(HalResult<?> result) {
        HalError error = result.errorOrNull();
        assertEquals(ErrorCategory.INVALID_PARAMETER, error.category(), String.valueOf(error));
        assertEquals(HandleIssuer.FOREIGN_HANDLE, error.code());
    }

    @Test
    void anotherDriversHandlesAndThoseOfAnEarlierInitializationAreForeign() {
        long kept = from.allocate(AllocationRequest.of(64)).orElseThrow().handle();
        long foreign = to.allocate(AllocationRequest.of(64)).orElseThrow().handle();
        MemoryStats before = from.stats().orElseThrow();
        assertForeign(from.deallocate(foreign));
        assertForeign(from.allocationInfo(foreign));
        assertFalse(from.isValid(foreign));
        assertEquals(before, from.stats().orElseThrow());
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, from.reallocate(kept, 128).errorOrNull().category());
        from.shutdown();
        from.initialize().orElseThrow();
        assertForeign(from.deallocate(kept));
        assertFalse(from.handles().owns(kept));
    }

    @Test
    void adoptedAllocationsKeepTheirHandlesAndBuffers() {
        MemoryAllocation first = from.allocate(AllocationRequest.of(100)).orElseThrow();
        from.allocate(AllocationRequest.of(200)).orElseThrow();
        first.buffer().put(99, (byte) 9);
        MemoryHandOver exported = from.exportObjects().orElseThrow();
        assertEquals(new LiveObjects(2, 300), exported.size());

        assertEquals(exported.size(), to.adoptObjects(exported, from.handles()).orElseThrow());
        from.exportCompleted();
        assertEquals(LiveObjects.NONE, from.liveObjects());
        assertEquals(exported.size(), to.liveObjects());
        MemoryAllocation adopted = to.allocationInfo(first.handle()).orElseThrow();
        assertSame(first.buffer(), adopted.buffer());
        assertEquals(9, adopted.buffer().get(99));
        assertEquals(300, to.stats().orElseThrow().usedBytes());
        to.deallocate(first.handle()).orElseThrow();
        assertEquals(200, to.stats().orElseThrow().usedBytes());
        assertEquals(new LiveObjects(1, 200), to.dropObjects());
        assertEquals(0, to.stats().orElseThrow().activeAllocations());
    }

    @Test
    void anAllocationLargerThanItsCapacityIsRefusedAndNothingChanges() {
        HandleIssuer other = HandleIssuer.forDriver("other.memory");
        MemoryAllocation huge = new MemoryAllocation(other.issue(), ByteBuffer.allocate(1), 65L * 1024 * 1024, 8,
                Set.of(), MemoryType.SYSTEM);
        MemoryAllocation small = new MemoryAllocation(other.issue(), ByteBuffer.allocate(8), 8, 8, Set.of(),
                MemoryType.SYSTEM);
        HalResult<LiveObjects> refused = to.adoptObjects(new MemoryHandOver(List.of(small, huge)), other);
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, refused.errorOrNull().category());
        assertEquals(LiveObjects.NONE, to.liveObjects());
        assertFalse(to.isValid(small.handle()));
        assertTrue(to.handles().owns(to.allocate(AllocationRequest.of(8)).orElseThrow().handle()));
        assertFalse(to.handles().owns(small.handle()));
    }

    /** Regression (found by the memory contract's properties): it said no to AUDIO memory, then handed some out. */
    @Test
    void aMemoryTypeItDoesNotSupportIsRefused() {
        assertFalse(from.supportsMemoryType(MemoryType.AUDIO));
        MemoryStats before = from.stats().orElseThrow();
        HalResult<MemoryAllocation> audio = from.allocate(AllocationRequest.of(64).withType(MemoryType.AUDIO));
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, audio.errorOrNull().category());
        assertEquals(before, from.stats().orElseThrow());
    }
}
