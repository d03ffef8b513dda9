package flight.hal.resources.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import flight.hal.resources.OwnerStats;
import flight.hal.resources.PoolStats;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

/** Plain-text tables of the manager's state for the shell. */
final class ResourceReport {
    private static final String TYPE_ROW = "%-13s %14s %12s %14s %14s %8s %7s %8s  %s%n";
    private static final String SOURCE_ROW = "  %-13s %s%n";
    private static final String OWNER_ROW = "    %-34s %14s %14s %7s  %s%n";
    private static final String POOL_ROW = "%-20s %-28s %-13s %8s %16s %10s %8s %6s%n";
    private static final int SHOWN_LEAKS = 10;

    private ResourceReport() {
    }

    /**
     * Every type's budget, usage and users, where each budget comes from ({@code source}: configuration, a
     * {@code setBudget} call, or the machine's memory as the selected memory driver reported it), and the recent leaks.
     */
    static String resources(ResourceAdministration administration, Function<ResourceType, String> source) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, TYPE_ROW, "TYPE", "MAX", "RESERVED",
                "IN USE", "PEAK", "ACQUIRED", "ACTIVE", "OVERRUNS", "PRESSURE"));
        for (ResourceType type : ResourceType.values()) {
            ResourceStats stats = administration.stats(type);
            ResourceBudget budget = stats.budget();
            text.append(String.format(Locale.ROOT, TYPE_ROW, stats.type(),
                    budget.isUnlimited() ? "unlimited" : budget.maxBytes(), budget.reservedBytes(),
                    stats.currentUsage(), stats.peakUsage(), stats.allocationCount(), stats.activeCount(),
                    stats.overrunCount(), stats.pressure()));
            for (OwnerStats owner : administration.statsByOwner(type)) {
                if (owner.stats().allocationCount() > 0) {
                    text.append(String.format(Locale.ROOT, OWNER_ROW,
                            owner.bundleSymbolicName() + " [" + owner.bundleId() + "]", owner.stats().currentUsage(),
                            owner.stats().peakUsage(), owner.stats().activeCount(), owner.stats().pressure()));
                }
            }
        }
        text.append(System.lineSeparator()).append("budgets from:").append(System.lineSeparator());
        for (ResourceType type : ResourceType.values()) {
            text.append(String.format(Locale.ROOT, SOURCE_ROW, type, source.apply(type)));
        }
        List<ResourceLeak> leaks = administration.leaks();
        text.append(System.lineSeparator()).append(leaks.isEmpty() ? "no leaks" : "recent leaks:")
                .append(System.lineSeparator());
        for (ResourceLeak leak : leaks.subList(Math.max(0, leaks.size() - SHOWN_LEAKS), leaks.size())) {
            text.append("  ").append(leak.detectedAt()).append(' ').append(leak.cause()).append(' ')
                    .append(leak.handle()).append(System.lineSeparator());
        }
        return text.toString();
    }

    static String pools(List<PoolStats> pools) {
        if (pools.isEmpty()) {
            return "no pools";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, POOL_ROW, "POOL", "OWNER", "TYPE", "BLOCK",
                "USED/MADE/MAX", "HITS", "MISSES", "HIGH"));
        for (PoolStats pool : pools) {
            text.append(String.format(Locale.ROOT, POOL_ROW, pool.name(),
                    pool.ownerSymbolicName() + " [" + pool.ownerBundleId() + "]", pool.type(), pool.blockSize(),
                    pool.usedBlocks() + "/" + pool.totalBlocks() + "/" + pool.maxBlocks(), pool.hits(), pool.misses(),
                    pool.highWaterBlocks()));
        }
        return text.toString();
    }
}
