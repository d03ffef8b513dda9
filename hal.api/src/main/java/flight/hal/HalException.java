package flight.hal;

import java.util.Objects;

/**
 * Thrown only where a caller chose to turn an error result into an exception
 * ({@link HalResult#orElseThrow()}); the HAL itself reports expected failures as results.
 */
public final class HalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient HalError error;

    public HalException(HalError error) {
        super(Objects.requireNonNull(error, "error").toString());
        this.error = error;
    }

    /** The error this exception carries. */
    public HalError error() {
        return error;
    }
}
