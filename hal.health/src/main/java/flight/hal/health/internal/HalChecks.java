package flight.hal.health.internal;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.felix.hc.api.FormattingResultLog;

import flight.hal.HalResult;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceManager;

/** What the HAL's checks share: their tag, the registry's settled view, the administration they need. */
final class HalChecks {
    /** The tag of every HAL check: {@code hc:exec hal}, {@code /system/health.json?tags=hal}. */
    static final String TAG = "hal";
    /**
     * How long a check waits for the registry to finish the selection work queued before it runs; below the
     * executor's default timeout of 2 s, so a busy registry shows as such rather than as a timed-out check.
     */
    static final Duration SETTLE = Duration.ofMillis(1000);

    private HalChecks() {
    }

    /**
     * Every interface once the registry has acted on what was registered before the call; when it has not within
     * {@link #SETTLE}, the interfaces as they are and a TEMPORARILY_UNAVAILABLE entry saying so.
     */
    static List<InterfaceStatus> settled(HalRegistry registry, FormattingResultLog log) {
        HalResult<List<InterfaceStatus>> settled = registry.awaitSelections(SETTLE);
        if (settled.isOk()) {
            return settled.valueOrNull();
        }
        log.temporarilyUnavailable("the registry is still selecting: {}", settled.errorOrNull());
        return registry.interfaces();
    }

    /**
     * Whether {@code administration} is missing; if so a WARN entry says how to grant it: without it no budget or
     * leak can be seen, which an operator must hear about rather than read as healthy.
     */
    static boolean missing(ResourceAdministration administration, FormattingResultLog log) {
        if (administration != null) {
            return false;
        }
        log.warn("no resource administration: the resources bundle is not running, or flight.hal.health is not in"
                + " admin.bundles of PID {}", ResourceManager.PID);
        return true;
    }

    /** {@code name STATE (why)} for each candidate. */
    static String describe(List<DriverDescription> candidates) {
        return candidates.stream().map(candidate -> candidate.name() + " " + candidate.state()
                + candidate.failureReason().map(failure -> " (" + failure + ")").orElse(""))
                .collect(Collectors.joining(", "));
    }
}
