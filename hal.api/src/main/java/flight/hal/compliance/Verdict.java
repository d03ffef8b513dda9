package flight.hal.compliance;

/** The outcome of one compliance check. */
public enum Verdict {
    PASS,
    FAIL,
    /** The check does not apply to this driver; the detail says why. */
    SKIPPED
}
