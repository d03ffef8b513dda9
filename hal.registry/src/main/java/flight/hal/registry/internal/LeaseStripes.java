package flight.hal.registry.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The open-lease count of one activation, striped over padded cells so that callers on different cores do not
 * contend on one cache line. A lease is taken and given back on the same cell (its index travels with the lease), so
 * every cell stays non-negative and a sum read cell by cell after a lessee's increment can never miss that lease.
 */
final class LeaseStripes {
    /** 16 longs = 128 bytes between used cells: two cache lines, against adjacent-line prefetching. */
    private static final int STRIDE = 16;
    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] cells;
    private final int mask;

    LeaseStripes() {
        int stripes = Integer.highestOneBit(Math.max(2, Runtime.getRuntime().availableProcessors()) * 2 - 1) << 1;
        stripes = Math.min(stripes, 64);
        mask = stripes - 1;
        cells = new long[(stripes + 1) * STRIDE]; // cell 0 unused: keeps the used ones off the array header's line
    }

    /** The calling thread's cell. */
    int stripe() {
        return (((int) Thread.currentThread().getId() & mask) + 1) * STRIDE;
    }

    void increment(int stripe) {
        CELLS.getAndAdd(cells, stripe, 1L);
    }

    void decrement(int stripe) {
        CELLS.getAndAdd(cells, stripe, -1L);
    }

    /** Leases open now; exact when no lease is taken or given back concurrently. */
    long sum() {
        long sum = 0;
        for (int stripe = STRIDE; stripe < cells.length; stripe += STRIDE) {
            sum += (long) CELLS.getVolatile(cells, stripe);
        }
        return sum;
    }
}
