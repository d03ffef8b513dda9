package flight.hal.storage;

/**
 * The Event Admin topic block devices post their errors on, where Event Admin runs, and its properties. Events are
 * posted asynchronously ({@code postEvent}).
 *
 * @since 2.1
 */
public final class StorageEvents {
    /**
     * A block device failed: it could not be opened ({@link #OPERATION} {@value #OPEN}), or the medium failed an
     * operation (an {@code IO_ERROR} result; refused requests, such as a misaligned or out-of-range one, are the
     * caller's errors and post nothing). Properties {@link #DEVICE}, {@link #OPERATION}, {@link #ERROR_CATEGORY},
     * {@link #ERROR_CODE}, {@link #MESSAGE}.
     */
    public static final String DEVICE_ERROR = "flight/hal/storage/DEVICE_ERROR";

    /** String: the device's name ({@code hal.driver.name}). */
    public static final String DEVICE = "device";
    /** String: the {@link IoOperation}'s name, or {@value #OPEN} when opening the device failed. */
    public static final String OPERATION = "operation";
    /** String: the error's {@link flight.hal.ErrorCategory} name. */
    public static final String ERROR_CATEGORY = "error.category";
    /** String: the error's code ({@link flight.hal.HalError#code()}, one of {@link StorageErrors}). */
    public static final String ERROR_CODE = "error.code";
    /** String: the error's message. */
    public static final String MESSAGE = "message";
    /** The {@link #OPERATION} of a device that could not be opened. */
    public static final String OPEN = "OPEN";

    private StorageEvents() {
    }
}
