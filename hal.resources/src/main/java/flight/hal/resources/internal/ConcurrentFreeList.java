package flight.hal.resources.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free stack of indices (Treiber's): {@code head} packs a version tag (high 32 bits) with the top index plus
 * one (low 32 bits, 0 for empty), and {@code next} links each index to the one below it. Every change bumps the tag,
 * so a compare-and-set that read a stale top fails even when the same index is back on top (no ABA).
 *
 * <p>A racing read of {@code next[top]} may see a link that another thread is rewriting; the tag then differs and
 * the compare-and-set retries. Links are published by the volatile write of the compare-and-set that pushes them.
 * The batch operations move several indices with one compare-and-set: a link below the top is rewritten only by a
 * thread that popped it, which bumped the tag, so a batch whose compare-and-set succeeds walked the links as they were.
 */
final class ConcurrentFreeList {
    private static final long INDEX_MASK = 0xFFFF_FFFFL;

    private final int[] next;
    private final AtomicLong head = new AtomicLong();

    ConcurrentFreeList(int capacity) {
        next = new int[capacity];
    }

    /** A free index, or -1 when there is none. */
    int pop() {
        while (true) {
            long current = head.get();
            int top = (int) (current & INDEX_MASK) - 1;
            if (top < 0) {
                return -1;
            }
            if (head.compareAndSet(current, tagged(current, next[top]))) {
                return top;
            }
        }
    }

    /** Gives back {@code index}, which must not be on the list. */
    void push(int index) {
        while (true) {
            long current = head.get();
            next[index] = (int) (current & INDEX_MASK) - 1;
            if (head.compareAndSet(current, tagged(current, index))) {
                return;
            }
        }
    }

    /**
     * Pops up to {@code max} indices at once, as that many {@link #pop()} calls would, into
     * {@code into[offset, offset + n)} with the first popped (the old top) last: as a stack there they keep the order
     * they had here. Returns {@code n}, 0 when the list is empty.
     */
    int popBatch(int[] into, int offset, int max) {
        while (true) {
            long current = head.get();
            int top = (int) (current & INDEX_MASK) - 1;
            int count = 0;
            while (top >= 0 && count < max) {
                into[offset + count++] = top;
                top = next[top];
            }
            if (count == 0) {
                return 0;
            }
            if (head.compareAndSet(current, tagged(current, top))) {
                reverse(into, offset, count);
                return count;
            }
        }
    }

    /**
     * Pushes {@code from[offset, offset + count)} at once, as that many {@link #push(int)} calls in that order would
     * (the last ends on top); none of them may be on the list, {@code count} must be positive.
     */
    void pushBatch(int[] from, int offset, int count) {
        int last = offset + count - 1;
        for (int i = last; i > offset; i--) {
            next[from[i]] = from[i - 1];
        }
        while (true) {
            long current = head.get();
            next[from[offset]] = (int) (current & INDEX_MASK) - 1;
            if (head.compareAndSet(current, tagged(current, from[last]))) {
                return;
            }
        }
    }

    private static void reverse(int[] values, int offset, int count) {
        for (int low = offset, high = offset + count - 1; low < high; low++, high--) {
            int value = values[low];
            values[low] = values[high];
            values[high] = value;
        }
    }

    /** A head with {@code current}'s tag plus one and {@code top} (-1 for empty) on top. */
    private static long tagged(long current, int top) {
        return (((current >>> 32) + 1) << 32) | ((top + 1) & INDEX_MASK);
    }
}
