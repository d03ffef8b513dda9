package flight.hal.resources.internal;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The acquisitions of one resource type waiting for room, first come first served. A release calls
 * {@link #drain(Grantor)} only when {@link #waiting()} is not 0, so the release path stays lock-free while nobody
 * waits.
 *
 * <p>No wake-up is lost: a waiter counts itself before its last try under the lock, and a release subtracts its bytes
 * before reading the count, so either the try sees the room or the release sees the waiter.
 */
final class WaitQueue {

    /** Reserves a waiter's bytes if they fit; {@code null} when reserved, else which budget refused. */
    @FunctionalInterface
    interface Grantor {
        Refusal tryGrant(Waiter waiter);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * Reserves for {@code waiter}, waiting while it does not fit: without limit when {@code timeoutNanos < 0}.
     *
     * @return {@code GRANTED}, or why the wait ended without the reservation
     */
    Waiter.State await(Waiter waiter, Grantor grantor, long timeoutNanos) {
        lock.lock();
        try {
            if (waiter.owner.isClosed()) {
                // its bundle stopped after the acquisition began; cancel() has run or will find nothing to end
                waiter.state = Waiter.State.CANCELLED;
                return waiter.state;
            }
            waiting.incrementAndGet();
            if (grantor.tryGrant(waiter) == null) {
                waiting.decrementAndGet();
                return Waiter.State.GRANTED;
            }
            queue.addLast(waiter);
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + timeoutNanos;
        Waiter.State ending = Waiter.State.TIMED_OUT;
        while (waiter.state == Waiter.State.WAITING) {
            if (Thread.interrupted()) {
                ending = Waiter.State.INTERRUPTED;
                break;
            }
            if (timeoutNanos < 0) {
                LockSupport.park(this);
            } else {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, remaining);
            }
        }
        end(waiter, ending);
        if (ending == Waiter.State.INTERRUPTED) {
            Thread.currentThread().interrupt();
        }
        return waiter.state;
    }

    /** Takes a still waiting {@code waiter} out of the queue as {@code ending}; a grant that came first stands. */
    private void end(Waiter waiter, Waiter.State ending) {
        lock.lock();
        try {
            if (waiter.state == Waiter.State.WAITING) {
                queue.remove(waiter);
                waiting.decrementAndGet();
                waiter.state = ending;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Acquisitions waiting now (or about to find out whether they must). */
    int waiting() {
        return waiting.get();
    }

    /**
     * Grants waiters in arrival order while the type's budget has room. One refused only by its own bundle's budget
     * is passed over, so a bundle at its limit does not hold up the others; one refused by the type's budget stops
     * the round, so later (smaller) requests do not overtake it.
     */
    void drain(Grantor grantor) {
        lock.lock();
        try {
            Iterator<Waiter> waiters = queue.iterator();
            while (waiters.hasNext()) {
                Waiter waiter = waiters.next();
                Refusal refusal = grantor.tryGrant(waiter);
                if (refusal == null) {
                    waiters.remove();
                    finish(waiter, Waiter.State.GRANTED);
                } else if (refusal == Refusal.TYPE) {
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends the waits of {@code owner}'s acquisitions: its bundle stopped. */
    void cancel(BundleAccount owner) {
        lock.lock();
        try {
            Iterator<Waiter> waiters = queue.iterator();
            while (waiters.hasNext()) {
                Waiter waiter = waiters.next();
                if (waiter.owner == owner) {
                    waiters.remove();
                    finish(waiter, Waiter.State.CANCELLED);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void finish(Waiter waiter, Waiter.State state) {
        waiting.decrementAndGet();
        waiter.state = state;
        LockSupport.unpark(waiter.thread);
    }
}
