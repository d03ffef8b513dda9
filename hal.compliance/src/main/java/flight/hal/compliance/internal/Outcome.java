package flight.hal.compliance.internal;

import flight.hal.compliance.Measurement;
import flight.hal.compliance.Verdict;

/** What one check found, before it is named and filed. */
record Outcome(Verdict verdict, String detail, Measurement measurement) {

    static Outcome pass(String detail) {
        return new Outcome(Verdict.PASS, detail, null);
    }

    static Outcome fail(String detail) {
        return new Outcome(Verdict.FAIL, detail, null);
    }

    static Outcome skip(String why) {
        return new Outcome(Verdict.SKIPPED, why, null);
    }

    /** A figure held against a service level: passes when {@code met}, or when there is no service level at all. */
    static Outcome measured(boolean met, String detail, Measurement measurement) {
        return new Outcome(met || measurement.requirement().isEmpty() ? Verdict.PASS : Verdict.FAIL, detail,
                measurement);
    }
}
