package flight.hal.health.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

/**
 * The pressure of every resource type's budget over all bundles: WARN from the warning level (pressure
 * {@link ResourcePressure#HIGH}), CRITICAL at the critical level ({@link ResourcePressure#CRITICAL}), with the
 * manager's hysteresis, so the check does not flap either.
 */
@Component(property = {HealthCheck.NAME + "=" + PressureCheck.NAME, HealthCheck.TAGS + "=" + HalChecks.TAG})
public final class PressureCheck implements HealthCheck {
    static final String NAME = "HAL resource pressure";

    /** Granted only when this bundle is in {@code admin.bundles} of PID {@code flight.hal.resources}. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ResourceAdministration administration;

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        ResourceAdministration granted = administration;
        if (!HalChecks.missing(granted, log)) {
            assess(Arrays.stream(ResourceType.values()).map(granted::stats).toList(), log);
        }
        return new Result(log);
    }

    static void assess(List<ResourceStats> budgets, FormattingResultLog log) {
        for (ResourceStats stats : budgets) {
            ResourceBudget budget = stats.budget();
            if (budget.isUnlimited()) {
                log.info("{}: {} bytes in use, unlimited", stats.type(), stats.currentUsage());
                continue;
            }
            String usage = stats.currentUsage() + " of " + budget.maxBytes() + " bytes in use ("
                    + percent(stats.currentUsage(), budget.maxBytes()) + " %; warning at " + budget.warningPercent()
                    + " %, critical at " + budget.criticalPercent() + " %)";
            switch (stats.pressure()) {
                case CRITICAL -> log.critical("{}: pressure CRITICAL: {}", stats.type(), usage);
                case HIGH -> log.warn("{}: pressure HIGH: {}", stats.type(), usage);
                default -> log.info("{}: pressure {}: {}", stats.type(), stats.pressure(), usage);
            }
        }
    }

    private static long percent(long part, long whole) {
        return Math.round(100.0 * part / whole);
    }
}
