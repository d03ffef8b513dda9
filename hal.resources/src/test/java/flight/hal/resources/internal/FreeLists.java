package flight.hal.resources.internal;


/** Free lists in a known state for the pool tests. */
final class FreeLists {
    private FreeLists() {
    }

    /** A list of {@code capacity} blocks holding {@code topFirst}, the first of them on top. */
    static ConcurrentFreeList holding(int capacity, int... topFirst) {
        ConcurrentFreeList list = new ConcurrentFreeList(capacity);
        for (int i = topFirst.length - 1; i >= 0; i--) {
            list.push(topFirst[i]);
        }
        return list;
    }
}
