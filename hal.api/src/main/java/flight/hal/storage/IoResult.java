package flight.hal.storage;

/**
 * A completed I/O request.
 *
 * @param operation what was done
 * @param lba       the first block transferred; for {@link IoOperation#ZONE_APPEND} the LBA the device chose
 *                  (HN4's {@code result_lba}); for zone operations the zone's start
 * @param blocks    blocks transferred or discarded (0 for flush and zone management)
 */
public record IoResult(IoOperation operation, long lba, long blocks) {

    /** The LBA of an append's data; the same as {@link #lba()}. */
    public long resultLba() {
        return lba;
    }
}
