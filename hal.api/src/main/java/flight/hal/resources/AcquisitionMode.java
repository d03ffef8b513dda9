package flight.hal.resources;

import java.time.Duration;
import java.util.Objects;

/**
 * What an acquisition does when it does not fit its budget, after the reclaimers of its type were asked for the
 * missing bytes: fail at once, wait for releases, wait up to a timeout, or go over the budget.
 *
 * @param kind    which of the four behaviours
 * @param timeout how long a {@link Kind#TIMEOUT} acquisition waits; {@link Duration#ZERO} for the other kinds
 */
public record AcquisitionMode(Kind kind, Duration timeout) {

    /** The four behaviours. */
    public enum Kind {
        /** Fails at once with a budget error. */
        NON_BLOCKING,
        /** Waits until releases make room (or its bundle stops). */
        BLOCKING,
        /** Waits up to the timeout, then fails with a timeout error; one of 292 years or more waits as long as it can. */
        TIMEOUT,
        /**
         * Succeeds, going over the budget if need be; counted as an overrun. Refused only when usage would pass
         * {@link Long#MAX_VALUE} bytes, which no budget can count.
         */
        EMERGENCY
    }

    public static final AcquisitionMode NON_BLOCKING = new AcquisitionMode(Kind.NON_BLOCKING, Duration.ZERO);
    public static final AcquisitionMode BLOCKING = new AcquisitionMode(Kind.BLOCKING, Duration.ZERO);
    public static final AcquisitionMode EMERGENCY = new AcquisitionMode(Kind.EMERGENCY, Duration.ZERO);

    public AcquisitionMode {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || (kind != Kind.TIMEOUT && !timeout.isZero())) {
            throw new IllegalArgumentException("only a TIMEOUT acquisition has a timeout, and it is not negative: "
                    + kind + " " + timeout);
        }
    }

    /** Waits up to {@code timeout} for room. */
    public static AcquisitionMode timeout(Duration timeout) {
        return new AcquisitionMode(Kind.TIMEOUT, timeout);
    }
}
