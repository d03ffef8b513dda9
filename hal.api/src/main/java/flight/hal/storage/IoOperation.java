package flight.hal.storage;

/** What an {@link IoRequest} asks a {@link BlockDevice} to do (HN4's {@code hn4_io_req_t} op codes). */
public enum IoOperation {
    /** Reads whole blocks into the request's buffer. */
    READ,
    /** Writes whole blocks from the request's buffer; on a zoned device only at the zone's write pointer. */
    WRITE,
    /** Hardware barrier: everything acknowledged before reaches stable storage before this completes. */
    FLUSH,
    /** Trim: the blocks' contents are dropped and read back as zeros. */
    DISCARD,
    /** Writes at a zone's write pointer, chosen by the device; the result carries the LBA written. */
    ZONE_APPEND,
    /** Sets a zone's write pointer back to its start; destructive. */
    ZONE_RESET,
    /** Opens a zone explicitly. */
    ZONE_OPEN,
    /** Closes an open zone, keeping its write pointer. */
    ZONE_CLOSE,
    /** Moves a zone to full: its write pointer to the end of its capacity. */
    ZONE_FINISH;

    /** Whether the operation transfers data through the request's buffer. */
    public boolean transfersData() {
        return this == READ || this == WRITE || this == ZONE_APPEND;
    }

    /** Whether the operation manages a zone and names it by the zone's start LBA. */
    public boolean managesZone() {
        return this == ZONE_RESET || this == ZONE_OPEN || this == ZONE_CLOSE || this == ZONE_FINISH;
    }
}
