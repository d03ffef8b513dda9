package flight.hal.compliance;

/** The groups of the Flight HAL compliance requirements. */
public enum CheckCategory {
    /** The interface's contract: identity, lifecycle, round trips of its operations. */
    CONTRACT,
    /** Bad arguments are refused with the right error. */
    VALIDATION,
    /** Failed calls report errors and change nothing. */
    ERROR_HANDLING,
    /** Everything acquired can be released and the driver's accounting returns to where it was. */
    CLEANUP,
    /** The platform's service levels: latency, efficiency. */
    SLA,
    /** Pressure, concurrency, exhaustion and recovery. */
    STRESS
}
