package flight.hal.resources;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalResult;

/** One block of a {@link ResourcePool}: a fixed-size piece of off-heap memory. */
@ProviderType
public interface PoolBlock extends AutoCloseable {

    /**
     * The block's memory: a direct buffer of exactly the pool's block size, its first byte aligned as configured. Its
     * position and limit belong to the holder and are reset on release; its content is not cleared.
     */
    ByteBuffer buffer();

    /** The block's index in its pool. */
    int index();

    /**
     * Gives the block back to its pool. Never allocates.
     *
     * @return success; an {@code INVALID_STATE} error when the block was already released
     *         ({@value ResourceErrors#POOL_DOUBLE_RELEASE}) or the pool is closed ({@value ResourceErrors#POOL_CLOSED})
     */
    HalResult<Void> release();

    /** {@link #release()}, for try-with-resources; a second close is harmless. */
    @Override
    void close();
}
