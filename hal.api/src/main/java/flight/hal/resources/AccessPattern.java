package flight.hal.resources;

/** How a resource will be accessed; a hint for placement. */
public enum AccessPattern {
    READ_ONLY,
    WRITE_ONLY,
    READ_WRITE,
    /** Streamed through once, front to back. */
    SEQUENTIAL,
    /** Accessed at scattered offsets. */
    RANDOM
}
