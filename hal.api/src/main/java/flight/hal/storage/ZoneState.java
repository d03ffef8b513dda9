package flight.hal.storage;

/** The state of a zone, as zoned (ZNS) devices report it. */
public enum ZoneState {
    /** Nothing written; the write pointer is at the zone's start. */
    EMPTY,
    /** Opened by a write or append. */
    IMPLICITLY_OPEN,
    /** Opened by a zone open request. */
    EXPLICITLY_OPEN,
    /** Partly written and closed. */
    CLOSED,
    /** Written up to its capacity, or finished. */
    FULL,
    /** Readable, no longer writable. */
    READ_ONLY,
    /** Neither readable nor writable. */
    OFFLINE
}
