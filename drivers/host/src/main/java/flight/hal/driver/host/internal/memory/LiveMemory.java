package flight.hal.driver.host.internal.memory;

/**
 * What one initialization of the host memory driver holds: the regions its allocations are cut from and the table of
 * its live allocations. Dropped whole at shutdown; its regions then return to the platform once collected.
 *
 * @param table   the live allocations and their accounting
 * @param regions where new allocations come from
 * @param handles issues the handles of new allocations
 */
record LiveMemory(AllocationTable table, RegionAllocator regions, StripedHandles handles) {

    LiveMemory() {
        this(new RegionAllocator());
    }

    private LiveMemory(RegionAllocator regions) {
        this(new AllocationTable(regions), regions, new StripedHandles());
    }

    /**
     * Releases the allocation named {@code handle} and makes its memory reusable; false when no live allocation has
     * it. Atomic: of two releases of one handle exactly one succeeds, so a slot is never freed twice.
     */
    boolean release(long handle) {
        long place = table.remove(handle);
        if (place == Place.NONE) {
            return false;
        }
        regions.release(place);
        return true;
    }
}
