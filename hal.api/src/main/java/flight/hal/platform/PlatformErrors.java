package flight.hal.platform;

/**
 * The error codes ({@link flight.hal.HalError#code()}) of the platform services, stable across releases: callers may
 * branch on them. The category each comes with is given here.
 *
 * @since 2.0.0
 */
public final class PlatformErrors {
    /** {@code INVALID_PARAMETER}: a size whose alignment padding or header overflows. */
    public static final String SIZE_OVERFLOW = "alloc.size_overflow";
    /** {@code INVALID_PARAMETER}: a block another allocator made. */
    public static final String FOREIGN_BLOCK = "alloc.foreign";
    /** {@code INVALID_STATE}: a block freed a second time. */
    public static final String DOUBLE_FREE = "alloc.double_free";
    /** {@code INVALID_STATE}: a block used after it was freed. */
    public static final String USE_AFTER_FREE = "alloc.use_after_free";
    /** {@code INVALID_STATE}: a block whose header was overwritten. */
    public static final String CORRUPT = "alloc.corrupt";
    /** {@code UNSUPPORTED_CAPABILITY}: the machine exposes no readable temperature sensor. */
    public static final String NO_SENSOR = "thermal.no_sensor";

    private PlatformErrors() {
    }
}
