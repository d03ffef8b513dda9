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
 * folded into the totals of ended threads, so only living threads keep cells. A thread's first addition registers
 * its cells (under the lock, allocating them); every later one is a load, a compare and a store.
 */
final class ThreadCounts {
    /** Slots of the cache in front of the thread-local lookup; a power of two. */
    private static final int RECENT = 8;

    private final int size;
    private final ThreadLocal<Cells> mine = ThreadLocal.withInitial(this::register);
    /**
     * The cells a thread used last, in the slot of its id: a hit costs a load and a compare instead of a
     * thread-local map lookup. Racy by design: a thread uses a slot's cells only when it owns them, and any other
     * content just makes it look them up (cells are immutable but for their counts, so safely published).
     */
    private final Cells[] recent = new Cells[RECENT];
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
        Thread thread = Thread.currentThread();
        int slot = (int) thread.getId() & (RECENT - 1);
        Cells cells = recent[slot];
        if (cells == null || cells.owner != thread) {
            cells = mine.get();
            recent[slot] = cells;
        }
        cells.increment(count);
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
