package flight.hal.compliance.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import flight.hal.compliance.CheckCategory;
import flight.hal.compliance.CheckResult;

/**
 * Runs checks one after another, each bounded on a kit thread, and keeps their results; a driver that throws or hangs
 * fails the check, not the kit, and after a hang the remaining checks are skipped.
 */
final class Checks {

    /** The body of a check. */
    @FunctionalInterface
    interface Body {
        Outcome run() throws Exception;
    }

    private final DriverCalls calls;
    private final List<CheckResult> results = new ArrayList<>();

    Checks(DriverCalls calls) {
        this.calls = calls;
    }

    /** How long the long-running stability checks run. */
    Duration soak() {
        return calls.settings().soak();
    }

    void run(String name, CheckCategory category, Body body) {
        record(name, category, calls.check(name, body, 0));
    }

    /** Runs a check that takes the soak's length on top of the usual bound. */
    void soak(String name, CheckCategory category, Body body) {
        record(name, category, calls.check(name, body, soak().toMillis()));
    }

    private void record(String name, CheckCategory category, Outcome outcome) {
        results.add(new CheckResult(name, category, outcome.verdict(), outcome.detail(), outcome.measurement()));
    }

    List<CheckResult> results() {
        return List.copyOf(results);
    }
}
