package flight.hal.resources;

import java.util.Objects;

/**
 * A pool's accounting at one moment.
 *
 * @param name              the pool's name
 * @param type              the budget its memory is charged to
 * @param blockSize         bytes per block
 * @param totalBlocks       blocks made so far
 * @param usedBlocks        blocks handed out and not yet released
 * @param maxBlocks         the most blocks the pool grows to
 * @param hits              acquisitions served from the free list
 * @param misses            acquisitions that found the free list empty (and grew the pool, or failed)
 * @param highWaterBlocks   the highest {@code usedBlocks} so far
 * @param ownerBundleId     id of the bundle that made the pool
 * @param ownerSymbolicName that bundle's symbolic name
 */
public record PoolStats(String name, ResourceType type, int blockSize, int totalBlocks, int usedBlocks,
                        int maxBlocks, long hits, long misses, int highWaterBlocks, long ownerBundleId,
                        String ownerSymbolicName) {

    public PoolStats {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ownerSymbolicName, "ownerSymbolicName");
    }

    public int freeBlocks() {
        return totalBlocks - usedBlocks;
    }

    public long usedBytes() {
        return (long) usedBlocks * blockSize;
    }

    public long freeBytes() {
        return (long) freeBlocks() * blockSize;
    }

    /** Bytes in all blocks made so far. */
    public long totalCapacity() {
        return (long) totalBlocks * blockSize;
    }
}
