package flight.hal.driver.host.internal.memory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import flight.hal.LiveObjects;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

/**
 * The live allocations of one initialization of the driver, keyed by handle, with their accounting overall and per
 * memory type. A new table is made by each {@code initialize()}, so its statistics count since initialization.
 */
final class AllocationTable {

    private final HandleTable live;
    private final UsageCounters overall = new UsageCounters(ThreadStripe.COUNT);
    /** One counter set per type; filled here and never changed after, so it is safe to read from any thread. */
    private final Map<MemoryType, UsageCounters> byType = new EnumMap<>(MemoryType.class);

    /** @param regions where the allocations' slots lie: they hold the allocations that slots serve */
    AllocationTable(RegionAllocator regions) {
        live = new HandleTable(regions);
        for (MemoryType type : MemoryType.values()) {
            byType.put(type, new UsageCounters(ThreadStripe.COUNT));
        }
    }

    /** Enters {@code allocation}, whose memory lies at {@code place}, and counts it on the place's stripe. */
    void add(MemoryAllocation allocation, long place) {
        int stripe = Place.stripe(place);
        long size = Place.size(place);
        overall.recordAllocation(stripe, size);
        byType.get(Place.type(place)).recordAllocation(stripe, size);
        live.put(allocation, place, stripe);
    }

    /**
     * Removes the allocation atomically and returns its place: of two releases of one handle, exactly one gets it, the
     * other {@link Place#NONE}. Its memory stays taken until the caller {@linkplain RegionAllocator#release releases}
     * it.
     */
    long remove(long handle) {
        long place = live.remove(handle);
        if (place != Place.NONE) {
            int stripe = Place.stripe(place);
            long size = Place.size(place);
            overall.recordRelease(stripe, size);
            byType.get(Place.type(place)).recordRelease(stripe, size);
        }
        return place;
    }

    /** The live allocation named {@code handle}, or null. */
    MemoryAllocation get(long handle) {
        return live.get(handle);
    }

    int liveCount() {
        return live.size();
    }

    long usedBytes() {
        return overall.usedBytes();
    }

    /**
     * Removes every live allocation, counting each as released, without making its memory reusable: another driver
     * holds it now, or its caller may still; what was removed.
     */
    LiveObjects removeAll() {
        LiveObjects removed = liveObjects();
        live.values().forEach(allocation -> remove(allocation.handle()));
        return removed;
    }

    /** The live allocations. */
    List<MemoryAllocation> allocations() {
        return live.values();
    }

    /** How many allocations are live and their bytes: two reads, each exact, not one snapshot. */
    LiveObjects liveObjects() {
        return new LiveObjects(live.size(), overall.usedBytes());
    }

    /** Forgets every live allocation without counting it as released. */
    void clear() {
        live.clear();
    }

    /**
     * Stats over all types, or for one type when {@code type} is not null. The memory of all types is one pool, so
     * free bytes and the largest free block are the pool's in both cases.
     */
    MemoryStats stats(MemoryType type, long totalBytes, long maxAllocationSize) {
        long free = Math.max(0, totalBytes - overall.usedBytes());
        UsageCounters counters = type == null ? overall : byType.get(type);
        return counters.snapshot(totalBytes, free, Math.min(free, maxAllocationSize));
    }
}
