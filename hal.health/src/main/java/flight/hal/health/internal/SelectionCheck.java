package flight.hal.health.internal;

import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import flight.hal.registry.DriverState;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;

/**
 * CRITICAL when an interface that has candidates has no driver serving it: none selected, or for a non-exclusive
 * interface (storage) none available. Its callers would get nothing.
 */
@Component(property = {HealthCheck.NAME + "=" + SelectionCheck.NAME, HealthCheck.TAGS + "=" + HalChecks.TAG})
public final class SelectionCheck implements HealthCheck {
    static final String NAME = "HAL drivers selected";

    @Reference
    HalRegistry registry;

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        assess(HalChecks.settled(registry, log), log);
        return new Result(log);
    }

    static void assess(List<InterfaceStatus> interfaces, FormattingResultLog log) {
        List<InterfaceStatus> withCandidates = interfaces.stream().filter(status -> !status.candidates().isEmpty())
                .toList();
        if (withCandidates.isEmpty()) {
            log.info("no HAL interface has drivers yet");
        }
        for (InterfaceStatus status : withCandidates) {
            long available = status.candidates().stream()
                    .filter(candidate -> candidate.state() == DriverState.AVAILABLE).count();
            if (status.selected() != null) {
                log.info("{}: {} selected", status.interfaceName(), status.selected());
            } else if (available > 0) {
                log.info("{}: {} of {} driver(s) available by name", status.interfaceName(), available,
                        status.candidates().size());
            } else {
                log.critical("{}: no driver selected among {} candidate(s): {}{}", status.interfaceName(),
                        status.candidates().size(), HalChecks.describe(status.candidates()),
                        status.note().isEmpty() ? "" : "; " + status.note());
            }
        }
    }
}
