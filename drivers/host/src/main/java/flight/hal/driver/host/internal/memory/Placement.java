package flight.hal.driver.host.internal.memory;

import flight.hal.memory.MemoryAllocation;

/**
 * A live allocation and where its memory lies: a slot of a size class, or memory of its own ({@code home} null: a
 * large request's own region, or an allocation adopted from another driver).
 *
 * @param allocation what the caller holds
 * @param home       the size class whose slot it occupies, or null
 * @param slot       the slot in {@code home}, or -1
 * @param stripe     the {@link ThreadStripe} its allocation was counted on, and its release will be
 */
record Placement(MemoryAllocation allocation, SizeClass home, int slot, int stripe) {

    /** An allocation whose memory is its own (adopted, or a large request's own region), counted on the caller's stripe. */
    static Placement own(MemoryAllocation allocation) {
        return new Placement(allocation, null, -1, ThreadStripe.current());
    }

    /**
     * Makes the memory reusable: a slot goes back to its class; memory of its own is left to the collector, which
     * returns it once nobody holds its buffer.
     */
    void release() {
        if (home != null) {
            home.give(slot);
        }
    }
}
