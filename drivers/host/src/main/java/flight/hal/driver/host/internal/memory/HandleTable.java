package flight.hal.driver.host.internal.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import flight.hal.memory.MemoryAllocation;

/**
 * The live allocations by handle, each with its {@link Place}: one open-addressed table (linear probing, deletion by shifting back, so no
 * tombstones pile up under churn) per {@link ThreadStripe}, each behind its own lock.
 *
 * <p>A thread enters what it allocates in its own stripe's table and looks a handle up there first, then in the
 * others', so threads that allocate and release their own memory never touch each other's cache lines (the segments
 * are padded apart, their lock words included), and a lock is
 * held only for a few array accesses (never while calling out). A {@code ConcurrentHashMap} allocates a node and a
 * boxed key per entry, and the consecutive handles that concurrent threads get land in bins whose cache lines both
 * threads then keep writing.
 */
final class HandleTable {

    private static final long FIBONACCI = 0x9E3779B97F4A7C15L;

    private final Segment[] segments = new Segment[ThreadStripe.COUNT];

    /** @param regions where a slot's allocation is found: its row holds only its place */
    HandleTable(RegionAllocator regions) {
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment(regions);
        }
    }

    /**
     * Enters {@code allocation} at {@code place} under its handle, which no live entry has (handles are never
     * reused), in the segment of stripe {@code stripe}.
     */
    void put(MemoryAllocation allocation, long place, int stripe) {
        segments[stripe].put(allocation.handle(), allocation, place);
    }

    /**
     * Removes the entry of {@code handle} and returns its place, or {@link Place#NONE}: of two removals of one handle,
     * one gets it. Looks in the caller's own segment first: where what it allocated is.
     */
    long remove(long handle) {
        int own = ThreadStripe.current();
        for (int i = 0; i < segments.length; i++) {
            long place = segments[(own + i) & (segments.length - 1)].remove(handle);
            if (place != Place.NONE) {
                return place;
            }
        }
        return Place.NONE;
    }

    /** The allocation of {@code handle}, or null. */
    MemoryAllocation get(long handle) {
        int own = ThreadStripe.current();
        for (int i = 0; i < segments.length; i++) {
            MemoryAllocation found = segments[(own + i) & (segments.length - 1)].get(handle);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    int size() {
        int size = 0;
        for (Segment segment : segments) {
            size += segment.size();
        }
        return size;
    }

    /** The live allocations, segment by segment: each segment's exact, not one snapshot of all. */
    List<MemoryAllocation> values() {
        List<MemoryAllocation> values = new ArrayList<>();
        for (Segment segment : segments) {
            segment.addValuesTo(values);
        }
        return values;
    }

    void clear() {
        for (Segment segment : segments) {
            segment.clear();
        }
    }

    /** Where a handle's probe starts: a Fibonacci hash spreads the handles of one thread, which are not consecutive. */
    private static int home(long handle, int mask) {
        return (int) ((handle * FIBONACCI) >>> 32) & mask;
    }

    /** Room before a segment's header and fields: no other segment's fields share their cache lines. */
    @SuppressWarnings("unused")
    private abstract static class PaddedBefore {
        private long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
    }

    /**
     * A segment's fields: keys (0 for an empty slot; no handle is 0), places and allocations side by side. An
     * allocation of a slot is its region's ({@link Region#holders}), so its row's allocation is null: entering it
     * stores no reference here.
     */
    private abstract static class Rows extends PaddedBefore {
        final RegionAllocator regions;
        long[] keys = new long[16];
        long[] places = new long[16];
        MemoryAllocation[] allocations = new MemoryAllocation[16];
        int size;

        Rows(RegionAllocator regions) {
            this.regions = regions;
        }

        /** The allocation of row {@code i}. */
        MemoryAllocation allocation(int i) {
            MemoryAllocation own = allocations[i];
            return own != null ? own : regions.holder(places[i]);
        }
    }

    /**
     * One segment, at most half full, padded after its fields as well (the JVM lays out a superclass's fields first):
     * its lock word and rows share no cache line with another segment's, which another thread writes.
     */
    @SuppressWarnings("unused")
    private static final class Segment extends Rows {
        private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

        Segment(RegionAllocator regions) {
            super(regions);
        }

        synchronized void put(long handle, MemoryAllocation allocation, long place) {
            if ((size + 1) * 2 > keys.length) {
                resize();
            }
            int mask = keys.length - 1;
            int i = home(handle, mask);
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = handle;
            places[i] = place;
            if (Place.home(place) < 0) {
                allocations[i] = allocation;
            }
            size++;
        }

        synchronized MemoryAllocation get(long handle) {
            int i = indexOf(handle);
            return i < 0 ? null : allocation(i);
        }

        synchronized long remove(long handle) {
            int i = indexOf(handle);
            if (i < 0) {
                return Place.NONE;
            }
            long removed = places[i];
            size--;
            // shift back every later entry of the run that may no longer be reached past the gap at i
            int mask = keys.length - 1;
            for (int j = (i + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
                int home = home(keys[j], mask);
                boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
                if (!stays) {
                    keys[i] = keys[j];
                    places[i] = places[j];
                    allocations[i] = allocations[j];
                    i = j;
                }
            }
            keys[i] = 0;
            allocations[i] = null;
            return removed;
        }

        synchronized int size() {
            return size;
        }

        synchronized void addValuesTo(List<MemoryAllocation> into) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != 0) {
                    into.add(allocation(i));
                }
            }
        }

        synchronized void clear() {
            Arrays.fill(keys, 0);
            Arrays.fill(allocations, null);
            size = 0;
        }

        private int indexOf(long handle) {
            int mask = keys.length - 1;
            for (int i = home(handle, mask); keys[i] != 0; i = (i + 1) & mask) {
                if (keys[i] == handle) {
                    return i;
                }
            }
            return -1;
        }

        private void resize() {
            long[] oldKeys = keys;
            long[] oldPlaces = places;
            MemoryAllocation[] oldAllocations = allocations;
            keys = new long[oldKeys.length * 2];
            places = new long[oldKeys.length * 2];
            allocations = new MemoryAllocation[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    put(oldKeys[i], oldAllocations[i], oldPlaces[i]);
                }
            }
        }
    }
}
