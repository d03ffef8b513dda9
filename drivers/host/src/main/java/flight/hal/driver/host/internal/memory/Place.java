package flight.hal.driver.host.internal.memory;

import flight.hal.memory.MemoryType;

/**
 * Where a live allocation's memory lies and how it was counted, packed into one {@code long} so that the handle
 * table's rows hold no object of the driver's own: no allocation per call, and no reference store for the collector's
 * write barrier to track besides the allocation itself. {@link #NONE} (0) is no place.
 *
 * <p>Bits 0-5 hold the {@link ThreadStripe} the allocation was counted on (its release is counted there too), bits
 * 6-8 its {@link MemoryType}, bits 9-13 its size class index + 1, or 0 for memory of its own (a large request's own
 * region, or an allocation adopted from another driver). The 50 bits above hold, for memory of its own, the size;
 * for a slot, its id (30 bits: {@link SizeClass} keeps slot ids below 2<sup>30</sup>) and the size - 1 (20 bits: a
 * slot is at most 1 MiB).
 */
final class Place {

    static final long NONE = 0;

    private static final int TYPE_SHIFT = 6;
    private static final int HOME_SHIFT = 9;
    private static final int SLOT_SHIFT = 14;
    private static final int SLOT_SIZE_SHIFT = 44;
    private static final long SLOT_MASK = (1L << 30) - 1;
    private static final MemoryType[] TYPES = MemoryType.values();

    static {
        if (ThreadStripe.COUNT > 64 || TYPES.length > 8
                || RegionAllocator.LARGEST_CLASS_SHIFT - RegionAllocator.SMALLEST_CLASS_SHIFT + 2 > 32) {
            throw new AssertionError("a place's fields no longer fit their bits");
        }
    }

    private Place() {
    }

    /** Slot {@code slot} of size class {@code home} (an index), holding {@code size} bytes (1 to 1 MiB). */
    static long slot(int home, int slot, int size, MemoryType type, int stripe) {
        return (long) (size - 1) << SLOT_SIZE_SHIFT | (long) slot << SLOT_SHIFT | (home + 1L) << HOME_SHIFT
                | (long) type.ordinal() << TYPE_SHIFT | stripe;
    }

    /** {@code size} (positive, below 2<sup>50</sup>) bytes of memory of its own. */
    static long own(long size, MemoryType type, int stripe) {
        return size << SLOT_SHIFT | (long) type.ordinal() << TYPE_SHIFT | stripe;
    }

    /** The size class index, or -1 for memory of its own. */
    static int home(long place) {
        return (int) (place >>> HOME_SHIFT & 31) - 1;
    }

    /** The slot in its {@link #home} class; meaningless for memory of its own. */
    static int slot(long place) {
        return (int) (place >>> SLOT_SHIFT & SLOT_MASK);
    }

    static long size(long place) {
        return home(place) < 0 ? place >>> SLOT_SHIFT : (place >>> SLOT_SIZE_SHIFT) + 1;
    }

    static MemoryType type(long place) {
        return TYPES[(int) (place >>> TYPE_SHIFT & 7)];
    }

    static int stripe(long place) {
        return (int) (place & 63);
    }
}
