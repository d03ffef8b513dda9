package flight.hal.resources;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalResult;

/** The pools of one bundle, from {@link ResourceManager#pools()}. */
@ProviderType
public interface PoolManager {

    /**
     * Makes a pool and its first {@code initialCount} blocks.
     *
     * @return the pool; an {@code INVALID_PARAMETER} error for a null or bad configuration (one that fails
     *         {@link PoolConfig#check()}, or grows to more than 2^20 blocks, which the manager keeps room for from the
     *         start), or a name or
     *         {@code (type, blockSize)} the bundle already has a pool for ({@value ResourceErrors#POOL_DUPLICATE}), a
     *         {@code BUDGET_EXCEEDED} error ({@value ResourceErrors#BUDGET_EXCEEDED}) when the initial blocks do not
     *         fit the budget
     */
    HalResult<ResourcePool> createPool(PoolConfig config);

    /**
     * The stats of this bundle's pool of {@code type} and {@code blockSize}, or a {@code NOT_FOUND} error; an
     * {@code INVALID_PARAMETER} error for a null type.
     */
    HalResult<PoolStats> poolStats(ResourceType type, int blockSize);

    /**
     * The stats of this bundle's pool named {@code name}, or a {@code NOT_FOUND} error; an
     * {@code INVALID_PARAMETER} error for a blank or null name.
     */
    HalResult<PoolStats> poolStats(String name);

    /**
     * The stats of every pool of this bundle, by name. Every bundle's pools are
     * {@link ResourceAdministration#allPools()}.
     *
     * @since 2.0
     */
    List<PoolStats> poolStats();
}
