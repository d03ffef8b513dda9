package flight.hal.resources.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

import flight.hal.resources.OwnerStats;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePriority;
import flight.hal.resources.ResourceType;

/** What one bundle holds: its usage per type, its own budgets if it has any, its resources and pools. */
final class BundleAccount {
    private static final ResourceType[] TYPES = ResourceType.values();

    final long bundleId;
    final String symbolicName;
    final ConcurrentMap<Long, Resource> resources = new ConcurrentHashMap<>();
    final ConcurrentMap<String, BlockPool> pools = new ConcurrentHashMap<>();
    private final BudgetCounter[] usage = new BudgetCounter[TYPES.length];
    /** The bundle's own budget per type; null where it has none. */
    private final AtomicReferenceArray<ResourceBudget> budgets = new AtomicReferenceArray<>(TYPES.length);
    private final AtomicBoolean closed = new AtomicBoolean();

    BundleAccount(long bundleId, String symbolicName) {
        this.bundleId = bundleId;
        this.symbolicName = symbolicName;
        for (int i = 0; i < usage.length; i++) {
            usage[i] = new BudgetCounter();
        }
    }

    BudgetCounter usage(ResourceType type) {
        return usage[type.ordinal()];
    }

    /** The bundle's own budget of {@code type}, or null. */
    ResourceBudget budget(ResourceType type) {
        return budgets.get(type.ordinal());
    }

    long limitFor(ResourceType type, ResourcePriority priority) {
        ResourceBudget own = budget(type);
        return own == null ? Long.MAX_VALUE : own.limitFor(priority);
    }

    /** Replaces the bundle's own budgets by {@code own}: types missing from it have none. */
    void budgets(Map<ResourceType, ResourceBudget> own) {
        for (ResourceType type : TYPES) {
            budgets.set(type.ordinal(), own.get(type));
        }
    }

    /** Marks the account closed; {@code true} only for the first call. */
    boolean close() {
        return closed.compareAndSet(false, true);
    }

    boolean isClosed() {
        return closed.get();
    }

    /** The bundle's usage of {@code type}, with pressure against its own budget or else the type's. */
    OwnerStats stats(TypeAccount type) {
        ResourceBudget own = budget(type.type);
        PressureScale scale = own == null ? type.scale() : new PressureScale(own, 0);
        BudgetCounter counter = usage(type.type);
        return new OwnerStats(bundleId, symbolicName,
                counter.snapshot(type.type, scale.budget, scale.levelOf(counter.current())));
    }

    @Override
    public String toString() {
        return symbolicName + " [" + bundleId + "]";
    }
}
