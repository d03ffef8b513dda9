package flight.hal.health.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceLeak;

/**
 * WARN for every leak the resource manager found in the last {@link #WINDOW} (a resource its owner did not release:
 * the bundle stopped, the reference became unreachable, or the pool closed with blocks out), naming it, its owner,
 * why, and where it was acquired when leak tracking sampled it. Leaks are history, not a state: the check is OK again
 * once the window has passed without a new one.
 */
@Component(property = {HealthCheck.NAME + "=" + LeakCheck.NAME, HealthCheck.TAGS + "=" + HalChecks.TAG})
public final class LeakCheck implements HealthCheck {
    static final String NAME = "HAL resource leaks";
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Granted only when this bundle is in {@code admin.bundles} of PID {@code flight.hal.resources}. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ResourceAdministration administration;

    Clock clock = Clock.systemUTC();

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        ResourceAdministration granted = administration;
        if (!HalChecks.missing(granted, log)) {
            assess(granted.leaks(), clock.instant(), log);
        }
        return new Result(log);
    }

    static void assess(List<ResourceLeak> leaks, Instant now, FormattingResultLog log) {
        Instant since = now.minus(WINDOW);
        List<ResourceLeak> recent = leaks.stream().filter(leak -> leak.detectedAt().isAfter(since)).toList();
        for (ResourceLeak leak : recent) {
            log.warn("leak of {}: {} at {}{}", leak.handle(), leak.cause(), leak.detectedAt(),
                    leak.acquiredAt().isEmpty() ? "" : "; acquired at " + firstFrame(leak.acquiredAt()));
        }
        if (recent.isEmpty()) {
            log.info("no leak in the last {} minutes ({} earlier)", WINDOW.toMinutes(), leaks.size());
        }
    }

    /**
     * The first frame of an acquisition's stack trace outside the resource manager (and the JDK's proxies): where the
     * owner acquired it.
     */
    static String firstFrame(String stackTrace) {
        return stackTrace.lines().map(String::strip).filter(line -> line.startsWith("at "))
                .filter(line -> !line.contains(" flight.hal.resources.") && !line.contains(" jdk.proxy"))
                .findFirst().orElse(stackTrace.lines().findFirst().orElse(""));
    }
}
