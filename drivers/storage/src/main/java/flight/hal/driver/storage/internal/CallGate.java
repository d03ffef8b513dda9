package flight.hal.driver.storage.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Admits calls into a device until it closes, and lets the closer wait until every admitted call has left: the
 * synchronous I/O path runs on its callers' threads, so closing the files must wait for the calls still using them.
 * Lock-free: one word holds the closed bit and the number of calls inside.
 */
final class CallGate {
    private static final long CLOSED = Long.MIN_VALUE;

    /** {@link #CLOSED} when closed, plus the number of admitted calls that have not left. */
    private final AtomicLong state = new AtomicLong();
    private volatile Thread closer;

    /** Admits a call, which must then {@link #leave()}; false once closed. */
    boolean enter() {
        if (state.getAndIncrement() < 0) {
            leave(); // refused: counted in for a moment only, so the closer never misses a call that got in
            return false;
        }
        return true;
    }

    /** An admitted call has left; the last one out after a close wakes the closer. */
    void leave() {
        if (state.decrementAndGet() == CLOSED) {
            LockSupport.unpark(closer);
        }
    }

    boolean isClosed() {
        return state.get() < 0;
    }

    /**
     * Closes the gate and waits until the calls inside have left. Only the first close waits and answers true;
     * later ones answer false at once. Must not be called from inside an admitted call.
     */
    boolean close() {
        long before = state.getAndUpdate(current -> current | CLOSED);
        if (before < 0) {
            return false;
        }
        // published before the closer looks at the count: the last call out either sees it or is seen leaving
        closer = Thread.currentThread();
        boolean interrupted = false;
        while (state.get() != CLOSED) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
