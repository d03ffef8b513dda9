package flight.hal.registry.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One period during which a driver is the selected one of its interface, with the count of open leases on it.
 *
 * <p>Leasing is lock-free: a lessee increments the count, then checks {@code retired}; the registry sets
 * {@code retired}, then waits for the count to reach zero. Both sides go through volatile/atomic accesses, so either
 * the lessee sees {@code retired} and backs off, or the registry sees its increment and waits for it.
 */
final class Binding {
    final Candidate candidate;
    final Object driver;
    private final AtomicInteger leases = new AtomicInteger();
    private volatile boolean retired;
    private volatile Thread drainer;

    Binding(Candidate candidate) {
        this.candidate = candidate;
        this.driver = candidate.driver;
    }

    /** Claims the driver; fails only when this binding has been retired (a newer one is already published). */
    boolean tryAcquire() {
        leases.incrementAndGet();
        if (retired) {
            release();
            return false;
        }
        return true;
    }

    /** Ends a claim; wakes the registry if it is waiting for the last one. */
    void release() {
        if (leases.decrementAndGet() == 0 && retired) {
            Thread waiting = drainer;
            if (waiting != null) {
                LockSupport.unpark(waiting);
            }
        }
    }

    /** Leases open right now. */
    int openLeases() {
        return leases.get();
    }

    /**
     * Stops new leases and waits until the open ones are closed, at most {@code timeoutNanos}.
     *
     * @return {@code true} when every lease was closed in time
     */
    boolean retireAndDrain(long timeoutNanos) {
        drainer = Thread.currentThread();
        retired = true;
        long deadline = System.nanoTime() + timeoutNanos;
        while (leases.get() > 0) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            LockSupport.parkNanos(this, remaining);
        }
        return true;
    }
}
