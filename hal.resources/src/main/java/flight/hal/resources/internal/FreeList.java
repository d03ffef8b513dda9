package flight.hal.resources.internal;

/**
 * The free blocks of a pool, as a stack of block indices, and the count of blocks that went out of it and came back.
 * Neither {@link #pop()} nor {@link #push(int)} allocates.
 */
interface FreeList {

    /** A free block's index, counted as taken; -1 when there is none at hand. */
    int pop();

    /** Gives back block {@code index}, which must not be on the list; counted as given back. */
    void push(int index);

    /** Blocks popped so far. */
    long taken();

    /**
     * Blocks pushed so far. Read before {@link #taken()}, the difference is never negative: a block's pop is
     * counted before its push.
     */
    long givenBack();

    /** Moves the free blocks kept aside for some threads to where {@link #pop()} finds them on any thread. */
    void reclaim();

    /**
     * Reclaims for good, once the calls in progress on blocks kept aside are done: afterwards a thread-safe list's
     * {@link #pop()} finds nothing, while {@link #push(int)} still takes blocks back and counts them.
     */
    void close();

    /** Per-thread magazines in front of a lock-free list for pools used from many threads, a plain list otherwise. */
    static FreeList of(boolean threadSafe, int capacity) {
        return threadSafe ? Magazines.forPool(capacity) : new LocalFreeList(capacity);
    }
}
