package flight.hal.platform;

/**
 * One entry of the GPU topology ({@code hn4_hal_get_topology_data}): the LBA range physically closest to a GPU.
 *
 * @param gpuId     the GPU's index
 * @param weight    the GPU's relative share of the storage bandwidth
 * @param lbaStart  first block of its range
 * @param lbaLength blocks in its range
 */
public record GpuRange(int gpuId, int weight, long lbaStart, long lbaLength) {

    /** Whether blocks {@code [lba, lba + blocks)} lie inside this range. */
    public boolean contains(long lba, long blocks) {
        return lba >= lbaStart && lba + blocks <= lbaStart + lbaLength;
    }
}
