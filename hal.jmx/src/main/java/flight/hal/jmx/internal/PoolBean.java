package flight.hal.jmx.internal;

import java.util.Objects;
import java.util.function.Supplier;

import flight.hal.resources.PoolStats;
import flight.hal.resources.ResourceAdministration;

/** The MBean of one pool, found by owner and name among every pool at each call. */
final class PoolBean implements PoolMXBean {
    private final long ownerBundleId;
    private final String name;
    private final Supplier<ResourceAdministration> administration;

    PoolBean(PoolStats pool, Supplier<ResourceAdministration> administration) {
        this.ownerBundleId = pool.ownerBundleId();
        this.name = pool.name();
        this.administration = Objects.requireNonNull(administration, "administration");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getType() {
        return stats().type().name();
    }

    @Override
    public String getOwner() {
        PoolStats stats = stats();
        return stats.ownerSymbolicName() + " [" + stats.ownerBundleId() + "]";
    }

    @Override
    public int getBlockSize() {
        return stats().blockSize();
    }

    @Override
    public int getSize() {
        return stats().totalBlocks();
    }

    @Override
    public int getMaxBlocks() {
        return stats().maxBlocks();
    }

    @Override
    public int getUsed() {
        return stats().usedBlocks();
    }

    @Override
    public int getFree() {
        return stats().freeBlocks();
    }

    @Override
    public long getUsedBytes() {
        return stats().usedBytes();
    }

    @Override
    public long getHits() {
        return stats().hits();
    }

    @Override
    public long getMisses() {
        return stats().misses();
    }

    @Override
    public int getHighWater() {
        return stats().highWaterBlocks();
    }

    /** The pool as it is now; an {@link IllegalStateException} once it is closed (its MBean goes soon after). */
    private PoolStats stats() {
        return Administrations.current(administration).allPools().stream()
                .filter(pool -> pool.ownerBundleId() == ownerBundleId && pool.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("pool " + name + " of bundle " + ownerBundleId
                        + " is closed"));
    }
}
