package flight.hal.storage;

/**
 * The error codes ({@link flight.hal.HalError#code()}) of the storage HAL, stable across releases: callers may branch
 * on them, and every {@link BlockDevice} method's javadoc names those it can return. The category each comes with is
 * given here.
 *
 * @since 2.0.0
 */
public final class StorageErrors {
    /** {@code INVALID_PARAMETER}: an offset, length or buffer position that is not a whole number of blocks. */
    public static final String MISALIGNED = "io.misaligned";
    /** {@code INVALID_PARAMETER}: blocks before the first or after the last, or an LBA range whose end overflows. */
    public static final String OUT_OF_RANGE = "io.out_of_range";
    /** {@code INVALID_PARAMETER}: a transfer above the device's maximum transfer size. */
    public static final String TOO_LARGE = "io.too_large";
    /** {@code INVALID_PARAMETER}: a transfer or discard of no blocks. */
    public static final String EMPTY = "io.empty";
    /** {@code INVALID_PARAMETER}: a read or write without a buffer. */
    public static final String NO_BUFFER = "io.no_buffer";
    /** {@code INVALID_PARAMETER}: a read into a read-only buffer. */
    public static final String READ_ONLY_BUFFER = "io.read_only_buffer";
    /** {@code INVALID_PARAMETER}: a large transfer's chunk smaller than one block. */
    public static final String CHUNK_TOO_SMALL = "io.chunk_too_small";
    /** {@code IO_ERROR}: the medium failed the transfer. */
    public static final String IO_FAILED = "io.failed";
    /** {@code IO_ERROR}: a large transfer stopped part way; the message says how far it got. */
    public static final String PARTIAL = "io.partial";
    /** {@code INSUFFICIENT_RESOURCES}: the submission queue is at its depth; retry after completions. */
    public static final String QUEUE_FULL = "io.queue_full";
    /** {@code INVALID_PARAMETER}: an NVM persist or mapping range outside the device. */
    public static final String NVM_OUT_OF_RANGE = "nvm.out_of_range";
    /** {@code INVALID_STATE}: the device was closed (its configuration deleted or its bundle stopped). */
    public static final String DEVICE_CLOSED = "device.closed";
    /** {@code INVALID_STATE}: another device or process holds the backing file. */
    public static final String DEVICE_LOCKED = "device.locked";
    /** {@code IO_ERROR}: the backing file could not be opened or created. */
    public static final String OPEN_FAILED = "device.open_failed";
    /** {@code IO_ERROR}: the backing file could not be mapped into memory (NVM). */
    public static final String MAP_FAILED = "device.map_failed";
    /** {@code INVALID_PARAMETER}: the device's configuration is inconsistent; the message names each problem. */
    public static final String CONFIG_INVALID = "config.invalid";
    /** {@code UNSUPPORTED_CAPABILITY}: a zone operation on a device that is not zoned. */
    public static final String NOT_ZONED = "zone.not_zoned";
    /** {@code INVALID_PARAMETER}: an LBA that is not the start of a zone where one is required. */
    public static final String ZONE_INVALID_START = "zone.invalid_start";
    /** {@code INVALID_PARAMETER}: a write that does not start at its zone's write pointer. */
    public static final String NOT_WRITE_POINTER = "zone.not_write_pointer";
    /** {@code INVALID_PARAMETER}: a transfer that crosses from one zone into the next. */
    public static final String ZONE_BOUNDARY = "zone.boundary";
    /** {@code INSUFFICIENT_RESOURCES}: a write or append into a full zone. */
    public static final String ZONE_FULL = "zone.full";
    /** {@code INVALID_STATE}: a zone state change the zone model does not allow from the zone's state. */
    public static final String INVALID_TRANSITION = "zone.invalid_transition";
    /** {@code INVALID_STATE}: a write into a read-only zone. */
    public static final String ZONE_READ_ONLY = "zone.read_only";
    /** {@code IO_ERROR}: any operation on an offline zone. */
    public static final String ZONE_OFFLINE = "zone.offline";
    /** {@code INSUFFICIENT_RESOURCES}: no empty zone is left to allocate. */
    public static final String NONE_EMPTY = "zone.none_empty";
    /** {@code IO_ERROR}: the zones' metadata could not be read or stored. */
    public static final String ZONE_METADATA = "zone.metadata";
    /** {@code INVALID_STATE}: the stored zone metadata describes another geometry than the configured one. */
    public static final String METADATA_MISMATCH = "zone.metadata_mismatch";

    private StorageErrors() {
    }
}
