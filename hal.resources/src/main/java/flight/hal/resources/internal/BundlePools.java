package flight.hal.resources.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.PoolConfig;
import flight.hal.resources.PoolManager;
import flight.hal.resources.PoolStats;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourcePool;
import flight.hal.resources.ResourceType;

/** The pools of one bundle: at most one per name and one per {@code (type, block size)}. */
final class BundlePools implements PoolManager {
    private final BundleAccount account;
    private final ResourceAccounting accounting;

    BundlePools(BundleAccount account, ResourceAccounting accounting) {
        this.account = account;
        this.accounting = accounting;
    }

    @Override
    public synchronized HalResult<ResourcePool> createPool(PoolConfig config) {
        if (config == null) {
            return HalResult.err(HalError.invalidParameter("the pool configuration is null"));
        }
        if (account.isClosed()) {
            return HalResult.err(ResourceAccounting.closed(account));
        }
        HalError refusal = config.check().errorOrNull();
        if (refusal == null && config.maxCount() > BlockPool.MAX_BLOCKS) {
            refusal = HalError.invalidParameter("pool '" + config.name() + "': at most " + BlockPool.MAX_BLOCKS
                    + " blocks per pool, was " + config.maxCount());
        }
        Optional<BlockPool> sameBlocks = find(config.type(), config.blockSize());
        if (refusal == null && account.pools.containsKey(config.name())) {
            refusal = duplicate("bundle " + account + " already has a pool named '" + config.name() + "'");
        }
        if (refusal == null && sameBlocks.isPresent()) {
            refusal = duplicate("bundle " + account + " already has a pool of " + config.blockSize() + "-byte "
                    + config.type() + " blocks: '" + sameBlocks.get().config().name() + "'");
        }
        if (refusal != null) {
            return HalResult.err(refusal);
        }
        return BlockPool.create(accounting.nextId(), config, account, accounting.ledger, accounting.leaks)
                .flatMap(this::adopt);
    }

    /** Keeps a new pool, unless the bundle stopped meanwhile: then its memory goes straight back. */
    private HalResult<ResourcePool> adopt(BlockPool pool) {
        account.pools.put(pool.config().name(), pool);
        if (account.isClosed()) {
            pool.shutDown(ResourceLeak.Cause.OWNER_STOPPED);
            return HalResult.err(ResourceAccounting.closed(account));
        }
        return HalResult.ok(pool);
    }

    @Override
    public HalResult<PoolStats> poolStats(ResourceType type, int blockSize) {
        if (type == null) {
            return HalResult.err(HalError.invalidParameter("pool stats need a resource type"));
        }
        return find(type, blockSize).map(pool -> HalResult.ok(pool.stats())).orElseGet(() -> HalResult.err(
                HalError.notFound("bundle " + account + " has no pool of " + blockSize + "-byte " + type + " blocks")));
    }

    @Override
    public HalResult<PoolStats> poolStats(String name) {
        if (name == null || name.isBlank()) {
            return HalResult.err(HalError.invalidParameter("pool stats need a pool name"));
        }
        BlockPool pool = account.pools.get(name);
        return pool == null
                ? HalResult.err(HalError.notFound("bundle " + account + " has no pool named '" + name + "'"))
                : HalResult.ok(pool.stats());
    }

    @Override
    public List<PoolStats> poolStats() {
        return account.pools.values().stream().map(BlockPool::stats)
                .sorted(Comparator.comparing(PoolStats::name)).toList();
    }

    private Optional<BlockPool> find(ResourceType type, int blockSize) {
        return account.pools.values().stream()
                .filter(pool -> pool.config().type() == type && pool.config().blockSize() == blockSize).findFirst();
    }

    private static HalError duplicate(String message) {
        return new HalError(ErrorCategory.INVALID_PARAMETER, ResourceErrors.POOL_DUPLICATE, message);
    }
}
