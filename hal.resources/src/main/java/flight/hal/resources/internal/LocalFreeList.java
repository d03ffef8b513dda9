package flight.hal.resources.internal;

/** An array stack of indices for a pool used by one thread at a time: no atomic steps. */
final class LocalFreeList implements FreeList {
    private final int[] stack;
    private int size;

    LocalFreeList(int capacity) {
        stack = new int[capacity];
    }

    @Override
    public int pop() {
        return size == 0 ? -1 : stack[--size];
    }

    @Override
    public void push(int index) {
        stack[size++] = index;
    }
}
