package flight.hal.driver.host.internal.memory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import flight.hal.memory.MemoryStats;

/** Lock-free accounting of one pool of allocations: bytes in use, their peak, and allocation counts. */
final class UsageCounters {

    private final AtomicLong usedBytes = new AtomicLong();
    private final AtomicLong peakUsedBytes = new AtomicLong();
    private final LongAdder allocations = new LongAdder();
    private final LongAdder deallocations = new LongAdder();

    void recordAllocation(long bytes) {
        allocations.increment();
        long used = usedBytes.addAndGet(bytes);
        long peak = peakUsedBytes.get();
        while (used > peak && !peakUsedBytes.compareAndSet(peak, used)) {
            peak = peakUsedBytes.get();
        }
    }

    void recordRelease(long bytes) {
        usedBytes.addAndGet(-bytes);
        deallocations.increment();
    }

    long usedBytes() {
        return usedBytes.get();
    }

    /**
     * The counters as stats. Deallocations are read before allocations, so the active count is never negative even
     * while other threads allocate and release.
     *
     * @param totalBytes       bytes the driver may hand out in all
     * @param freeBytes        bytes still available
     * @param largestFreeBlock the largest allocation that could succeed now
     */
    MemoryStats snapshot(long totalBytes, long freeBytes, long largestFreeBlock) {
        long released = deallocations.sum();
        long made = allocations.sum();
        return new MemoryStats(totalBytes, usedBytes.get(), freeBytes, peakUsedBytes.get(), made - released, made,
                released, largestFreeBlock);
    }
}
