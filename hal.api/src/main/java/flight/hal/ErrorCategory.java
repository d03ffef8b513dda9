package flight.hal;

/**
 * What kind of failure a {@link HalError} reports; the categories the Flight HAL design documents use.
 */
public enum ErrorCategory {
    /** An argument is out of range, malformed or not acceptable to this driver. */
    INVALID_PARAMETER,
    /** A limit of the platform or driver (maximum size, count, resolution) is exceeded. */
    INSUFFICIENT_RESOURCES,
    /** The platform refused an allocation that was within limits. */
    ALLOCATION_FAILED,
    /** The memory the driver manages is exhausted. */
    OUT_OF_MEMORY,
    /** A driver could not be brought up. */
    INITIALIZATION_FAILED,
    /** A pixel, sample or data format the driver cannot handle. */
    UNSUPPORTED_FORMAT,
    /** A capability or feature the driver or platform does not have. */
    UNSUPPORTED_CAPABILITY,
    /** The thing named (handle, driver, interface, resource) does not exist. */
    NOT_FOUND,
    /** No driver, device or service can serve the call right now. */
    UNAVAILABLE,
    /** A bounded wait ran out. */
    TIMEOUT,
    /** The call is not valid in the current state (not initialized, already shut down, ...). */
    INVALID_STATE,
    /** A budget or quota refused the request. */
    BUDGET_EXCEEDED,
    /** An input/output operation failed at the device or file system. */
    IO_ERROR,
    /** A failure inside the HAL that is none of the above. */
    INTERNAL
}
