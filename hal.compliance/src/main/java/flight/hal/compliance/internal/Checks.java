package flight.hal.compliance.internal;

import java.util.ArrayList;
import java.util.List;

import flight.hal.compliance.CheckCategory;
import flight.hal.compliance.CheckResult;

/** Runs checks one after another and keeps their results; a driver that throws fails the check, not the kit. */
final class Checks {

    /** The body of a check. */
    @FunctionalInterface
    interface Body {
        Outcome run() throws Exception;
    }

    private final List<CheckResult> results = new ArrayList<>();

    void run(String name, CheckCategory category, Body body) {
        Outcome outcome;
        try {
            outcome = body.run();
        } catch (Expect.Unmet unmet) {
            outcome = Outcome.fail(unmet.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.fail("interrupted");
        } catch (Exception | Error e) { // a third-party driver may also fail to link or run out of stack
            outcome = Outcome.fail("threw " + e + "; a driver reports failures as results");
        }
        results.add(new CheckResult(name, category, outcome.verdict(), outcome.detail(), outcome.measurement()));
    }

    List<CheckResult> results() {
        return List.copyOf(results);
    }
}
