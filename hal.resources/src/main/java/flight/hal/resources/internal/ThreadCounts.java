package flight.hal.resources.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts that many threads add to and few read: each thread adds to cells of its own with a plain store (one writer
 * per cell, so no atomic instruction and no cache line shared with another writer), and a reader sums the cells of
 * every thread.
 *
 * <p>A sum is exact for the additions that happened before it (returned before the read began, or were seen by the
 * thread reading); additions in flight while it reads may or may not be in it. Once a thread ended, its cells are
 * folded into the totals of ended threads, so only living threads keep cells.
 */
final class ThreadCounts {
    private final int size;
    private final ThreadLocal<Cells> mine = ThreadLocal.withInitial(this::register);
    /** The cells of threads not known to have ended; guarded by this. */
    private final List<Cells> cells = new ArrayList<>();
    /** The sums of the cells of threads that ended; guarded by this. */
    private final long[] ended;

    /** {@code size} counts, numbered from 0. */
    ThreadCounts(int size) {
        this.size = size;
        this.ended = new long[size];
    }

    void increment(int count) {
        mine.get().increment(count);
    }

    /** Count {@code count} summed over every thread. */
    synchronized long sum(int count) {
        foldEnded();
        long sum = ended[count];
        for (Cells thread : cells) {
            sum += thread.counts.get(count);
        }
        return sum;
    }

    private synchronized Cells register() {
        foldEnded();
        Cells created = new Cells(Thread.currentThread(), size);
        cells.add(created);
        return created;
    }

    /** Ended threads write no more, and their last writes are visible once {@code isAlive} said they ended. */
    private void foldEnded() {
        Iterator<Cells> all = cells.iterator();
        while (all.hasNext()) {
            Cells thread = all.next();
            if (!thread.owner.isAlive()) {
                for (int count = 0; count < size; count++) {
                    ended[count] += thread.counts.get(count);
                }
                all.remove();
            }
        }
    }

    /** One thread's counts: only {@link #owner} writes them. */
    private static final class Cells {
        final Thread owner;
        final AtomicLongArray counts;

        Cells(Thread owner, int size) {
            this.owner = owner;
            this.counts = new AtomicLongArray(size);
        }

        /** A plain read and a release store: the owner is the only writer, readers see whole values. */
        void increment(int count) {
            counts.setRelease(count, counts.getPlain(count) + 1);
        }
    }
}
