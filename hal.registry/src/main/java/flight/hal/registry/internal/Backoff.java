package flight.hal.registry.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * How a lessee waits for an activation that is closed for a moment (its objects are being handed over): spin briefly,
 * then yield, then park in short slices, until a deadline.
 */
final class Backoff {
    private static final int SPINS = 64;
    private static final int YIELDS = 16;
    private static final long PARK_NANOS = 50_000;

    private final long deadline;
    private int rounds;

    Backoff(long timeoutNanos) {
        deadline = System.nanoTime() + timeoutNanos;
    }

    /** Waits a little; {@code false} when the deadline has passed. */
    boolean pause() {
        rounds++;
        if (rounds <= SPINS) {
            Thread.onSpinWait();
        } else if (rounds <= SPINS + YIELDS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(this, PARK_NANOS);
        }
        return System.nanoTime() < deadline;
    }
}
