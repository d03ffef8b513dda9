package flight.hal.console.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import flight.hal.resources.OwnerStats;
import flight.hal.resources.PoolStats;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

/** The Resources page's live content: a bar per budget type, usage per bundle, pools and leaks. */
final class ResourcesPage {
    private ResourcesPage() {
    }

    /**
     * What the page shows, read from the administration in one go.
     *
     * @param types   every type's accounting over all bundles
     * @param owners  every type's accounting per bundle
     */
    record Snapshot(List<ResourceStats> types, Map<ResourceType, List<OwnerStats>> owners, List<PoolStats> pools,
                    List<ResourceLeak> leaks) {
    }

    static String render(Snapshot snapshot) {
        StringBuilder html = new StringBuilder("<section class=\"hal-section budgets\"><h3>Budgets</h3>");
        for (ResourceStats stats : snapshot.types()) {
            appendBudget(html, stats);
        }
        html.append("</section>");
        appendOwners(html, snapshot.owners());
        appendPools(html, snapshot.pools());
        appendLeaks(html, snapshot.leaks());
        return html.toString();
    }

    private static void appendBudget(StringBuilder html, ResourceStats stats) {
        ResourceBudget budget = stats.budget();
        String type = stats.type().name();
        html.append("<div class=\"budget\" data-type=\"").append(type).append("\"><h4>").append(type)
                .append(" <small>pressure <span class=\"pressure\">").append(stats.pressure().name())
                .append("</span></small></h4>");
        html.append("<div class=\"budget-bar\" data-type=\"").append(type).append("\" data-pressure=\"")
                .append(stats.pressure().name()).append("\" title=\"");
        if (budget.isUnlimited()) {
            html.append(Html.escape(Sizes.bytes(stats.currentUsage()) + " used, no limit"))
                    .append("\"><div class=\"budget-used\" style=\"width:0%\"></div></div>");
            html.append("<p>").append(Html.escape(Sizes.bytes(stats.currentUsage()))).append(" used; unlimited");
        } else {
            double used = Sizes.percent(stats.currentUsage(), budget.maxBytes());
            double reserve = Sizes.percent(budget.maxBytes() - budget.reservedBytes(), budget.maxBytes());
            html.append(Html.escape(String.format(Locale.ROOT, "%s of %s (%.1f %%)", Sizes.bytes(stats.currentUsage()),
                            Sizes.bytes(budget.maxBytes()), used)))
                    .append("\"><div class=\"budget-used\" style=\"width:").append(cssPercent(used))
                    .append("\"></div>")
                    .append(mark("reserved", reserve, "reserve starts"))
                    .append(mark("warning", Math.min(100, budget.warningPercent()), "warning"))
                    .append(mark("critical", Math.min(100, budget.criticalPercent()), "critical"))
                    .append("</div><p>");
            html.append(Html.escape(String.format(Locale.ROOT,
                    "%s used of %s (%.1f %%); %s reserved; warning at %d %%, critical at %d %%",
                    Sizes.bytes(stats.currentUsage()), Sizes.bytes(budget.maxBytes()), used,
                    Sizes.bytes(budget.reservedBytes()), budget.warningPercent(), budget.criticalPercent())));
        }
        html.append(Html.escape(String.format(Locale.ROOT, "; peak %s, %d active, %d acquisitions, %d overruns",
                Sizes.bytes(stats.peakUsage()), stats.activeCount(), stats.allocationCount(), stats.overrunCount())))
                .append("</p></div>");
    }

    private static String mark(String kind, double percent, String title) {
        return "<div class=\"budget-mark " + kind + "\" style=\"left:" + cssPercent(percent) + "\" title=\""
                + Html.escape(title) + "\"></div>";
    }

    private static String cssPercent(double percent) {
        return String.format(Locale.ROOT, "%.2f%%", percent);
    }

    private static void appendOwners(StringBuilder html, Map<ResourceType, List<OwnerStats>> owners) {
        html.append("<section class=\"hal-section owners\"><h3>Usage per bundle</h3>");
        boolean any = false;
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<ResourceType, List<OwnerStats>> type : owners.entrySet()) {
            for (OwnerStats owner : type.getValue()) {
                ResourceStats stats = owner.stats();
                if (stats.currentUsage() == 0 && stats.activeCount() == 0 && stats.peakUsage() == 0) {
                    continue;
                }
                any = true;
                rows.append("<tr class=\"owner\" data-type=\"").append(type.getKey().name())
                        .append("\" data-bundle=\"").append(Html.escape(owner.bundleSymbolicName())).append("\"><td>")
                        .append(Html.escape(owner.bundleSymbolicName())).append(" [").append(owner.bundleId())
                        .append("]</td><td>").append(type.getKey().name()).append("</td><td class=\"num\">")
                        .append(Html.escape(Sizes.bytes(stats.currentUsage()))).append("</td><td class=\"num\">")
                        .append(Html.escape(Sizes.bytes(stats.peakUsage()))).append("</td><td class=\"num\">")
                        .append(stats.activeCount()).append("</td><td>")
                        .append(stats.budget().isUnlimited() ? "unlimited"
                                : Html.escape(Sizes.bytes(stats.budget().maxBytes())))
                        .append("</td><td>").append(stats.pressure().name()).append("</td></tr>");
            }
        }
        if (any) {
            html.append("<table class=\"hal-table\"><thead><tr><th>bundle</th><th>type</th><th>in use</th>"
                    + "<th>peak</th><th>active</th><th>budget</th><th>pressure</th></tr></thead><tbody>")
                    .append(rows).append("</tbody></table>");
        } else {
            html.append("<p>No bundle has used a budget yet.</p>");
        }
        html.append("</section>");
    }

    private static void appendPools(StringBuilder html, List<PoolStats> pools) {
        html.append("<section class=\"hal-section pools\"><h3>Pools</h3>");
        if (pools.isEmpty()) {
            html.append("<p>No pools.</p></section>");
            return;
        }
        html.append("<table class=\"hal-table\"><thead><tr><th>pool</th><th>bundle</th><th>type</th><th>block</th>"
                + "<th>size</th><th>used</th><th>free</th><th>max</th><th>hits</th><th>misses</th>"
                + "<th>high-water</th></tr></thead><tbody>");
        for (PoolStats pool : pools) {
            html.append("<tr class=\"pool\" data-pool=\"").append(Html.escape(pool.name())).append("\"><td>")
                    .append(Html.escape(pool.name())).append("</td><td>").append(Html.escape(pool.ownerSymbolicName()))
                    .append(" [").append(pool.ownerBundleId()).append("]</td><td>").append(pool.type().name())
                    .append("</td><td class=\"num\">").append(Html.escape(Sizes.bytes(pool.blockSize())))
                    .append("</td><td class=\"num\">").append(pool.totalBlocks()).append("</td><td class=\"num\">")
                    .append(pool.usedBlocks()).append("</td><td class=\"num\">").append(pool.freeBlocks())
                    .append("</td><td class=\"num\">").append(pool.maxBlocks()).append("</td><td class=\"num\">")
                    .append(pool.hits()).append("</td><td class=\"num\">").append(pool.misses())
                    .append("</td><td class=\"num\">").append(pool.highWaterBlocks()).append("</td></tr>");
        }
        html.append("</tbody></table></section>");
    }

    private static void appendLeaks(StringBuilder html, List<ResourceLeak> leaks) {
        html.append("<section class=\"hal-section leaks\"><h3>Leaks</h3>");
        if (leaks.isEmpty()) {
            html.append("<p>No leaks.</p></section>");
            return;
        }
        html.append("<table class=\"hal-table\"><thead><tr><th>detected</th><th>resource</th><th>cause</th>"
                + "<th>acquired at</th></tr></thead><tbody>");
        for (ResourceLeak leak : leaks) {
            html.append("<tr class=\"leak\"><td>").append(Html.escape(leak.detectedAt())).append("</td><td>")
                    .append(Html.escape(leak.handle())).append("</td><td>").append(leak.cause().name())
                    .append("</td><td>").append(leak.acquiredAt().isEmpty() ? "not sampled (leak.tracking)"
                            : "<pre>" + Html.escape(leak.acquiredAt()) + "</pre>").append("</td></tr>");
        }
        html.append("</tbody></table></section>");
    }
}
