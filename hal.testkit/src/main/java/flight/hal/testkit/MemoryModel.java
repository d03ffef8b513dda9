package flight.hal.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryStats;

/**
 * What a memory driver under test should hold: its live allocations with the bytes written into them, the handles it
 * released, and a handle of another issuer, foreign to it.
 */
public final class MemoryModel implements AutoCloseable {
    /** Error categories that mean "not now", which a driver may answer to a good request when it is full. */
    static final List<ErrorCategory> EXHAUSTED = List.of(ErrorCategory.INSUFFICIENT_RESOURCES,
            ErrorCategory.OUT_OF_MEMORY, ErrorCategory.ALLOCATION_FAILED, ErrorCategory.BUDGET_EXCEEDED);

    final MemoryDriver driver;
    final long foreignHandle = HandleIssuer.forDriver("testkit.foreign").issue();
    final Map<Long, Live> live = new LinkedHashMap<>();
    final List<Long> released = new ArrayList<>();
    long calls;

    /** A live allocation and the seed of the bytes written into it. */
    record Live(MemoryAllocation allocation, long seed) {
    }

    MemoryModel(MemoryDriver driver) {
        this.driver = driver;
    }

    /** The handle of live allocation number {@code pick} (modulo their count); there must be one. */
    long liveHandle(int pick) {
        return live.keySet().stream().skip(pick % live.size()).findFirst().orElseThrow();
    }

    /** Fills {@code allocation} with bytes made from {@code seed} and records it as live. */
    void write(MemoryAllocation allocation, long seed) {
        ByteBuffer bytes = allocation.buffer().duplicate().clear(); // the model moves positions and limits, too
        for (int index = 0; index < bytes.capacity(); index++) {
            bytes.put(index, Pattern.byteAt(seed, index));
        }
        live.put(allocation.handle(), new Live(allocation, seed));
    }

    /** Asserts that the first {@code length} bytes of {@code buffer} are those {@code seed} made. */
    static void assertHolds(ByteBuffer allocated, long seed, long length, String what) {
        ByteBuffer buffer = allocated.duplicate().clear();
        for (int index = 0; index < length; index++) {
            if (buffer.get(index) != Pattern.byteAt(seed, index)) {
                throw new AssertionError(what + ": byte " + index + " is " + buffer.get(index) + ", was written as "
                        + Pattern.byteAt(seed, index));
            }
        }
    }

    /** The driver's accounting, which a refused call must leave as it was. */
    MemoryStats stats() {
        HalResult<MemoryStats> stats = driver.stats();
        assertTrue(stats != null && stats.isOk(), () -> "stats() failed: " + stats);
        return stats.valueOrNull();
    }

    /** A good request that the driver could not serve now: only an exhaustion error, and nothing changed. */
    static void assertExhausted(HalError error, String call) {
        assertTrue(EXHAUSTED.contains(error.category()), () -> call + " was refused for a wrong reason: " + error);
    }

    /** Every live allocation is valid, described as made and holds what was written; stats count exactly them. */
    void checkInvariants() {
        long bytes = 0;
        for (Live entry : live.values()) {
            MemoryAllocation allocation = entry.allocation();
            assertTrue(driver.isValid(allocation.handle()), () -> "live handle " + allocation.handle() + " invalid");
            HalResult<MemoryAllocation> info = driver.allocationInfo(allocation.handle());
            assertTrue(info.isOk(), () -> "allocationInfo of a live handle: " + info);
            assertEquals(allocation.size(), info.valueOrNull().size(), "size of a live allocation");
            assertHolds(allocation.buffer(), entry.seed(), allocation.size(), "allocation " + allocation.handle());
            bytes += allocation.size();
        }
        for (long handle : released) {
            assertTrue(!driver.isValid(handle), () -> "released handle " + handle + " is still valid");
        }
        MemoryStats stats = stats();
        assertEquals(live.size(), stats.activeAllocations(), () -> "active allocations in " + stats);
        long allocated = bytes;
        assertTrue(stats.usedBytes() >= allocated && stats.usedBytes() <= stats.totalBytes(),
                () -> "used bytes of " + stats + " for " + allocated + " bytes allocated");
        assertTrue(stats.freeBytes() >= 0 && stats.largestFreeBlock() >= 0, () -> "free bytes of " + stats);
    }

    @Override
    public void close() {
        driver.shutdown();
    }

    @Override
    public String toString() {
        return driver.name() + " with " + live.size() + " live allocations after " + calls + " calls";
    }
}
