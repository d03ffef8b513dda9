package flight.hal.resources;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalResult;

/**
 * Fixed-size off-heap blocks with O(1) acquisition and release. A hit (a free block is ready) allocates nothing; a
 * miss grows the pool by a new slab of blocks, charged to the budget, up to its maximum.
 */
@ProviderType
public interface ResourcePool extends AutoCloseable {

    /**
     * A free block.
     *
     * @return the block; an {@code INSUFFICIENT_RESOURCES} error ({@value ResourceErrors#POOL_EXHAUSTED}) when all of
     *         the pool's maximum blocks are in use, a {@code BUDGET_EXCEEDED} error
     *         ({@value ResourceErrors#BUDGET_EXCEEDED}) when the budget refuses to let it grow, an
     *         {@code INVALID_STATE} error ({@value ResourceErrors#POOL_CLOSED}) once the pool is closed
     */
    HalResult<PoolBlock> acquire();

    PoolConfig config();

    PoolStats stats();

    /**
     * Closes the pool and gives its memory back to the budget. Blocks still in use are reported as leaks; their
     * buffers stay valid for their holders, whose later release is refused.
     */
    @Override
    void close();
}
