package flight.hal.driver.support.memory;

import java.util.List;

/**
 * How a profile's memory region is cut into partitions, and its limits.
 *
 * @param regionBytes   the off-heap region reserved at initialization: the platform's memory
 * @param partitions         the partitions, none overlapping another or the region's end
 * @param maxAllocation the largest single allocation, in bytes
 * @param gcHintBytes   usage above which a collection is hinted (once per crossing); 0 for none
 */
public record MemoryLayout(long regionBytes, List<PartitionSpec> partitions, long maxAllocation, long gcHintBytes) {

    /** The largest alignment an allocation may ask for: the region is page aligned. */
    public static final int MAX_ALIGNMENT = 4096;

    public MemoryLayout {
        partitions = List.copyOf(partitions);
        if (partitions.isEmpty() || regionBytes > Integer.MAX_VALUE - MAX_ALIGNMENT || maxAllocation < 1
                || gcHintBytes < 0) {
            throw new IllegalArgumentException("a layout needs partitions, a region below 2 GiB and a positive limit");
        }
        for (PartitionSpec partition : partitions) {
            if (partition.end() > regionBytes || partitions.stream().anyMatch(other -> other != partition
                    && other.offset() < partition.end() && partition.offset() < other.end())) {
                throw new IllegalArgumentException(
                        "partition " + partition.name() + " leaves the region or overlaps another");
            }
        }
    }
}
