package flight.hal.driver.host.internal.memory;

import java.util.concurrent.atomic.AtomicLongArray;

import flight.hal.memory.MemoryStats;

/**
 * Lock-free accounting of one pool of allocations: bytes in use, their peak, and allocation counts, striped by thread
 * so that threads allocating at once do not write the same cache line.
 *
 * <p>An allocation is counted on the stripe of the thread that made it, and its release on the same stripe, so each
 * stripe's bytes in use never go negative. Bytes and counts are sums over the stripes: exact whenever no call is in
 * flight. The peak is the sum of each stripe's peak: exact while one thread (or threads of one stripe) allocates, and
 * otherwise an upper bound of the true peak, since stripes may have peaked at different times. An exact peak would
 * need one counter that every allocation in the process writes, which is what this class avoids.
 */
final class UsageCounters {

    /** A stripe's counters lie this many longs apart (128 bytes), so two stripes never share a cache line. */
    private static final int PAD = 16;
    private static final int USED = 0;
    private static final int PEAK = 1;
    private static final int ALLOCATIONS = 2;
    private static final int DEALLOCATIONS = 3;

    private final int stripes;
    private final AtomicLongArray cells;

    /** @param stripes how many threads may count at once without sharing a stripe */
    UsageCounters(int stripes) {
        this.stripes = stripes;
        this.cells = new AtomicLongArray(stripes * PAD);
    }

    void recordAllocation(int stripe, long bytes) {
        int at = stripe * PAD;
        cells.incrementAndGet(at + ALLOCATIONS);
        long used = cells.addAndGet(at + USED, bytes);
        long peak = cells.get(at + PEAK);
        while (used > peak && !cells.compareAndSet(at + PEAK, peak, used)) {
            peak = cells.get(at + PEAK);
        }
    }

    /** Counts the release of an allocation that {@link #recordAllocation} counted on {@code stripe}. */
    void recordRelease(int stripe, long bytes) {
        int at = stripe * PAD;
        cells.addAndGet(at + USED, -bytes);
        cells.incrementAndGet(at + DEALLOCATIONS);
    }

    long usedBytes() {
        return sum(USED);
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
        long released = sum(DEALLOCATIONS);
        long made = sum(ALLOCATIONS);
        return new MemoryStats(totalBytes, usedBytes(), freeBytes, sum(PEAK), made - released, made, released,
                largestFreeBlock);
    }

    private long sum(int counter) {
        long sum = 0;
        for (int stripe = 0; stripe < stripes; stripe++) {
            sum += cells.get(stripe * PAD + counter);
        }
        return sum;
    }
}
