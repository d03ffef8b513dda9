package flight.hal.resources.internal;

import java.util.List;
import java.util.function.Function;

import flight.hal.resources.OwnerStats;
import flight.hal.resources.PoolStats;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;
import flight.hal.shell.format.Sizes;
import flight.hal.shell.format.Table;

/** Plain-text tables of the manager's state for the shell. */
final class ResourceReport {
    private static final int SHOWN_LEAKS = 10;

    private ResourceReport() {
    }

    /**
     * Every type's budget, usage and users (each bundle that acquired some, indented under its type), where each
     * budget comes from ({@code source}: configuration, a {@code setBudget} call, or the machine's memory as the
     * selected memory driver reported it), and the recent leaks.
     */
    static String resources(ResourceAdministration administration, Function<ResourceType, String> source) {
        Table types = Table.of("TYPE", "MAX", "RESERVED", "IN USE", "PEAK", "ACQUIRED", "ACTIVE", "OVERRUNS",
                "PRESSURE").right(1, 2, 3, 4, 5, 6, 7);
        for (ResourceType type : ResourceType.values()) {
            ResourceStats stats = administration.stats(type);
            ResourceBudget budget = stats.budget();
            types.row(stats.type(), Sizes.limit(budget.maxBytes(), budget.isUnlimited()),
                    Sizes.of(budget.reservedBytes()), Sizes.of(stats.currentUsage()), Sizes.of(stats.peakUsage()),
                    stats.allocationCount(), stats.activeCount(), stats.overrunCount(), stats.pressure());
            for (OwnerStats owner : administration.statsByOwner(type)) {
                if (owner.stats().allocationCount() > 0) {
                    types.row("  " + owner.bundleSymbolicName() + " [" + owner.bundleId() + "]", "", "",
                            Sizes.of(owner.stats().currentUsage()), Sizes.of(owner.stats().peakUsage()),
                            owner.stats().allocationCount(), owner.stats().activeCount(), "",
                            owner.stats().pressure());
                }
            }
        }
        StringBuilder text = new StringBuilder(types.render());
        Table sources = Table.indented("  ", "TYPE", "BUDGET FROM");
        for (ResourceType type : ResourceType.values()) {
            sources.row(type, source.apply(type));
        }
        text.append(System.lineSeparator()).append(sources.render());
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
        Table table = Table.of("POOL", "OWNER", "TYPE", "BLOCK", "USED/MADE/MAX", "HITS", "MISSES", "HIGH")
                .right(3, 4, 5, 6, 7);
        for (PoolStats pool : pools) {
            table.row(pool.name(), pool.ownerSymbolicName() + " [" + pool.ownerBundleId() + "]", pool.type(),
                    Sizes.of(pool.blockSize()), pool.usedBlocks() + "/" + pool.totalBlocks() + "/" + pool.maxBlocks(),
                    pool.hits(), pool.misses(), pool.highWaterBlocks());
        }
        return table.render();
    }
}
