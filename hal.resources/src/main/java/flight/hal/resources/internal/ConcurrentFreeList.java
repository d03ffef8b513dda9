package flight.hal.resources.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free stack of indices (Treiber's): {@code head} packs a version tag (high 32 bits) with the top index plus
 * one (low 32 bits, 0 for empty), and {@code next} links each index to the one below it. Every change bumps the tag,
 * so a compare-and-set that read a stale top fails even when the same index is back on top (no ABA).
 *
 * <p>A racing read of {@code next[top]} may see a link that another thread is rewriting; the tag then differs and
 * the compare-and-set retries. Links are published by the volatile write of the compare-and-set that pushes them.
 */
final class ConcurrentFreeList implements FreeList {
    private static final long INDEX_MASK = 0xFFFF_FFFFL;

    private final int[] next;
    private final AtomicLong head = new AtomicLong();

    ConcurrentFreeList(int capacity) {
        next = new int[capacity];
    }

    @Override
    public int pop() {
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

    @Override
    public void push(int index) {
        while (true) {
            long current = head.get();
            next[index] = (int) (current & INDEX_MASK) - 1;
            if (head.compareAndSet(current, tagged(current, index))) {
                return;
            }
        }
    }

    /** A head with {@code current}'s tag plus one and {@code top} (-1 for empty) on top. */
    private static long tagged(long current, int top) {
        return (((current >>> 32) + 1) << 32) | ((top + 1) & INDEX_MASK);
    }
}
