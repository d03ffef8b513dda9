package flight.hal.resources.internal;

/**
 * An array stack of indices for a pool used by one thread at a time: no atomic steps, and no block is ever kept
 * aside. Another thread reading the counts may see them lag.
 */
final class LocalFreeList implements FreeList {
    private final int[] stack;
    private int size;
    private long taken;
    private long givenBack;

    LocalFreeList(int capacity) {
        stack = new int[capacity];
    }

    @Override
    public int pop() {
        if (size == 0) {
            return -1;
        }
        taken++;
        return stack[--size];
    }

    @Override
    public void push(int index) {
        givenBack++;
        stack[size++] = index;
    }

    @Override
    public long taken() {
        return taken;
    }

    @Override
    public long givenBack() {
        return givenBack;
    }

    @Override
    public void reclaim() {
        // every free block is on the stack already
    }

    @Override
    public void close() {
        // nothing is kept aside, and the pool refuses acquisitions once closed
    }
}
