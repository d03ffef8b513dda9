package flight.hal.console.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import flight.hal.resources.OwnerStats;
import flight.hal.resources.PoolStats;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceHandle;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

class ResourcesPageTest {
    private static final String HOSTILE = DriversPageTest.HOSTILE;

    private static ResourceStats stats(ResourceType type, long used, ResourceBudget budget, ResourcePressure pressure) {
        return new ResourceStats(type, used, used, 3, 1, 0, budget, pressure);
    }

    @Test
    void aBudgetIsABarOfUsageAgainstMaxWithReserveWarningAndCriticalMarks() {
        ResourcesPage.Snapshot snapshot = new ResourcesPage.Snapshot(List.of(
                stats(ResourceType.MEMORY, 800, new ResourceBudget(1000, 100, 75, 90), ResourcePressure.HIGH),
                stats(ResourceType.CUSTOM, 5, ResourceBudget.unlimited(), ResourcePressure.NONE)),
                Map.of(), List.of(), List.of());

        String html = ResourcesPage.render(snapshot);

        assertTrue(html.contains("<div class=\"budget-bar\" data-type=\"MEMORY\" data-pressure=\"HIGH\""), html);
        assertTrue(html.contains("<div class=\"budget-used\" style=\"width:80.00%\">"), html);
        assertTrue(html.contains("budget-mark reserved\" style=\"left:90.00%"), html);
        assertTrue(html.contains("budget-mark warning\" style=\"left:75.00%"), html);
        assertTrue(html.contains("budget-mark critical\" style=\"left:90.00%"), html);
        assertTrue(html.contains("<span class=\"pressure\">HIGH</span>"), html);
        assertTrue(html.contains("800 B used of 1000 B (80.0 %); 100 B reserved; warning at 75 %, critical at 90 %"),
                html);
        assertTrue(html.contains("data-type=\"CUSTOM\" data-pressure=\"NONE\"") && html.contains("5 B used; unlimited"),
                html);
    }

    @Test
    void bundlesPoolsAndLeaksAreListedEscaped() {
        ResourceHandle handle = new ResourceHandle(7, HOSTILE, ResourceMetadata.of(ResourceType.MEMORY, 64), 12,
                HOSTILE);
        ResourcesPage.Snapshot snapshot = new ResourcesPage.Snapshot(List.of(),
                Map.of(ResourceType.MEMORY, List.of(new OwnerStats(12, HOSTILE, stats(ResourceType.MEMORY, 2048,
                        ResourceBudget.unlimited(), ResourcePressure.NONE)), new OwnerStats(13, "idle",
                        new ResourceStats(ResourceType.MEMORY, 0, 0, 0, 0, 0, ResourceBudget.unlimited(),
                                ResourcePressure.NONE)))),
                List.of(new PoolStats(HOSTILE, ResourceType.MEMORY, 4096, 10, 4, 50, 30, 2, 7, 12, HOSTILE)),
                List.of(new ResourceLeak(handle, ResourceLeak.Cause.OWNER_STOPPED,
                        "at <init>(Evil.java:1)\n\tat " + HOSTILE, Instant.EPOCH)));

        String html = ResourcesPage.render(snapshot);

        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("<td class=\"num\">2.0 KiB (2,048 B)</td>"), "the bundle's usage: " + html);
        assertFalse(html.contains("data-bundle=\"idle\""), "a bundle that never used the type is left out");
        assertTrue(html.contains("<td class=\"num\">10</td><td class=\"num\">4</td><td class=\"num\">6</td>"
                + "<td class=\"num\">50</td><td class=\"num\">30</td><td class=\"num\">2</td>"
                + "<td class=\"num\">7</td>"), "size, used, free, max, hits, misses, high-water: " + html);
        assertTrue(html.contains("<pre>at &lt;init&gt;(Evil.java:1)"), "the acquisition site: " + html);
        assertTrue(html.contains("OWNER_STOPPED"), html);
    }

    @Test
    void withoutTheAdministrationThePageSaysHowToGrantIt() {
        ResourcesPlugin plugin = new ResourcesPlugin();
        assertTrue(plugin.fragment().contains("add flight.hal.console to <code>admin.bundles</code> of PID"
                + " <code>flight.hal.resources</code>"));
    }

    @Test
    void aRevokedAdministrationIsAMessage() {
        ResourcesPlugin plugin = new ResourcesPlugin();
        plugin.administration = Stubs.stub(ResourceAdministration.class, (method, args) -> {
            throw new IllegalStateException("administration was revoked");
        });
        assertTrue(plugin.fragment().contains("<p class=\"hal-error\">administration was revoked</p>"));
    }
}
