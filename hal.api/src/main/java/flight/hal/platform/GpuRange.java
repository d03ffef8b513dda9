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

    /**
     * Whether blocks {@code [lba, lba + blocks)} lie inside this range. A negative count lies nowhere and a range of
     * negative length holds nothing; ends past {@code Long.MAX_VALUE} are compared exactly, never wrapped around.
     */
    public boolean contains(long lba, long blocks) {
        if (blocks < 0 || lbaLength < blocks || lba < lbaStart) {
            return false;
        }
        // both non-negative, so the room left for lba cannot overflow; lba - lbaStart wraps past Long.MAX_VALUE
        // only when the true difference is larger, and read unsigned it is exact
        return Long.compareUnsigned(lba - lbaStart, lbaLength - blocks) <= 0;
    }
}
