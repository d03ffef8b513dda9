package flight.hal.memory;

import java.util.List;

import flight.hal.LiveObjects;

/**
 * The live allocations a memory driver hands to its successor ({@link flight.hal.ObjectOwner}). Each keeps its handle,
 * its buffer (the same memory, so the client's view stays valid) and its size, alignment, flags and type.
 *
 * @param allocations the live allocations
 *
 * @since 1.1
 */
public record MemoryHandOver(List<MemoryAllocation> allocations) {

    public MemoryHandOver {
        allocations = List.copyOf(allocations);
    }

    /** How many allocations and bytes. */
    public LiveObjects size() {
        long bytes = 0;
        for (MemoryAllocation allocation : allocations) {
            bytes = Math.addExact(bytes, allocation.size());
        }
        return new LiveObjects(allocations.size(), bytes);
    }
}
