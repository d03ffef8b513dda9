package flight.hal.resources.internal;

/** The free blocks of a pool, as a stack of block indices. Neither operation allocates. */
interface FreeList {

    /** A free block's index, or -1 when there is none. */
    int pop();

    /** Gives back block {@code index}, which must not be on the list. */
    void push(int index);

    /** A lock-free list for pools used from many threads, a plain one otherwise. */
    static FreeList of(boolean threadSafe, int capacity) {
        return threadSafe ? new ConcurrentFreeList(capacity) : new LocalFreeList(capacity);
    }
}
