package flight.hal.driver.support.memory;

import java.util.List;

/**
 * How a profile's memory region is cut into pools, and its limits.
 *
 * @param regionBytes   the off-heap region reserved at initialization: the platform's memory
 * @param pools         the pools, none overlapping another or the region's end
 * @param maxAllocation the largest single allocation, in bytes
 * @param gcHintBytes   usage above which a collection is hinted (once per crossing); 0 for none
 */
public record MemoryLayout(long regionBytes, List<PoolSpec> pools, long maxAllocation, long gcHintBytes) {

    /** The largest alignment an allocation may ask for: the region is page aligned. */
    public static final int MAX_ALIGNMENT = 4096;

    public MemoryLayout {
        pools = List.copyOf(pools);
        if (pools.isEmpty() || regionBytes > Integer.MAX_VALUE - MAX_ALIGNMENT || maxAllocation < 1
                || gcHintBytes < 0) {
            throw new IllegalArgumentException("a layout needs pools, a region below 2 GiB and a positive limit");
        }
        for (PoolSpec pool : pools) {
            if (pool.end() > regionBytes || pools.stream().anyMatch(other -> other != pool
                    && other.offset() < pool.end() && pool.offset() < other.end())) {
                throw new IllegalArgumentException("pool " + pool.name() + " leaves the region or overlaps another");
            }
        }
    }
}
