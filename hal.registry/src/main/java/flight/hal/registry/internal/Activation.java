package flight.hal.registry.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import flight.hal.HandleIssuer;
import flight.hal.HalDriver;

/**
 * One initialization of a candidate driver, from {@code initialize()} to {@code shutdown()}, with its open leases.
 *
 * <p>Leasing is lock-free: a lessee increments its stripe, then reads {@code closed}; the registry sets
 * {@code closed}, then sums the stripes. Both sides use volatile accesses, so either the lessee sees {@code closed}
 * and backs off, or the registry sees its lease and waits for it. The registry closes an activation only to hand its
 * objects over or to shut it down; if a hand-over is refused it {@linkplain #reopen() reopens} it.
 */
final class Activation {
    final Candidate candidate;
    final HalDriver driver;
    /** The issuer of its handles, when the driver owns objects; else null. */
    final HandleIssuer issuer;
    private final LeaseStripes leases = new LeaseStripes();
    private final Runnable retiringReleased;
    private volatile boolean closed;
    private volatile boolean retiring;
    private volatile Thread drainer;
    /** The successor whose refusal to adopt made it retiring: no need to ask that one again. Worker only. */
    Activation refusedBy;

    /** @param retiringReleased run after a lease on this activation is closed while it is retiring */
    Activation(Candidate candidate, HandleIssuer issuer, Runnable retiringReleased) {
        this.candidate = candidate;
        this.driver = candidate.driver;
        this.issuer = issuer;
        this.retiringReleased = retiringReleased;
    }

    /** Claims the driver; the stripe to release, or -1 when closed (the caller reads the registry again). */
    int tryAcquire() {
        int stripe = leases.stripe();
        leases.increment(stripe);
        if (closed) {
            release(stripe);
            return -1;
        }
        return stripe;
    }

    /** Ends a claim; wakes a drainer, or tells the registry a retiring driver may now be empty. */
    void release(int stripe) {
        leases.decrement(stripe);
        if (closed) {
            Thread waiting = drainer;
            if (waiting != null) {
                LockSupport.unpark(waiting);
            }
        } else if (retiring) {
            retiringReleased.run();
        }
    }

    long openLeases() {
        return leases.sum();
    }

    boolean isRetiring() {
        return retiring;
    }

    void retiring(boolean retiring) {
        this.retiring = retiring;
    }

    /**
     * Stops new leases and waits until the open ones are closed, at most {@code timeoutNanos}.
     *
     * @return {@code true} when every lease was closed in time
     */
    boolean closeAndDrain(long timeoutNanos) {
        drainer = Thread.currentThread();
        closed = true;
        long deadline = System.nanoTime() + timeoutNanos;
        while (leases.sum() > 0) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            // woken by the last release; the slice bounds a wake-up lost to a sum read while releases raced
            LockSupport.parkNanos(this, Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(1)));
        }
        return true;
    }

    /** Takes leases again: the hand-over it was closed for was refused. */
    void reopen() {
        closed = false;
    }

    boolean isClosed() {
        return closed;
    }
}
