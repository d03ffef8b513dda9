package flight.hal.jmx.internal;

/**
 * One bundle's pool: {@code flight.hal:type=Pool,bundle=<owner's symbolic name>,bundleId=<owner's id>,name=<pool>}.
 * Sizes are in blocks unless the name says bytes.
 */
public interface PoolMXBean {

    String getName();

    /** The resource type its memory is charged to. */
    String getType();

    /** The owning bundle: symbolic name and id. */
    String getOwner();

    int getBlockSize();

    /** Blocks made so far. */
    int getSize();

    /** The most blocks the pool grows to. */
    int getMaxBlocks();

    /** Blocks handed out and not yet released. */
    int getUsed();

    /** Blocks made and free. */
    int getFree();

    /** Bytes in the blocks handed out. */
    long getUsedBytes();

    /** Acquisitions served from the free list. */
    long getHits();

    /** Acquisitions that found the free list empty. */
    long getMisses();

    /** The most blocks in use at once so far. */
    int getHighWater();
}
