package flight.hal.health.internal;

import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;

/**
 * WARN for every candidate that failed (its initialize failed, threw, hung, or it answered null where asked): the
 * HAL degraded gracefully to another driver, which {@link SelectionCheck} judges, but the failed one needs a look.
 */
@Component(property = {HealthCheck.NAME + "=" + FailedDriverCheck.NAME, HealthCheck.TAGS + "=" + HalChecks.TAG})
public final class FailedDriverCheck implements HealthCheck {
    static final String NAME = "HAL drivers not failed";

    @Reference
    HalRegistry registry;

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        assess(HalChecks.settled(registry, log), log);
        return new Result(log);
    }

    static void assess(List<InterfaceStatus> interfaces, FormattingResultLog log) {
        List<DriverDescription> candidates = interfaces.stream().flatMap(status -> status.candidates().stream())
                .toList();
        List<DriverDescription> failed = candidates.stream()
                .filter(candidate -> candidate.state() == DriverState.FAILED).toList();
        for (DriverDescription driver : failed) {
            log.warn("driver {} of {} (bundle {} [{}]) failed: {}", driver.name(), driver.interfaceName(),
                    driver.bundleSymbolicName(), driver.bundleId(), driver.failure());
        }
        if (failed.isEmpty()) {
            log.info("none of {} driver(s) failed", candidates.size());
        }
    }
}
