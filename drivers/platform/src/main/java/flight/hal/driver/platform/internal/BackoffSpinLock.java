package flight.hal.driver.platform.internal;

import java.util.concurrent.atomic.AtomicReference;

import flight.hal.platform.SpinLock;

/**
 * Test-and-set spinlock with exponential backoff: after each failed attempt it spins {@link Thread#onSpinWait()}
 * (x86 {@code pause}) twice as long as before, up to a limit, and then also yields the processor.
 */
final class BackoffSpinLock implements SpinLock {
    private static final int MAX_SPINS = 1 << 10;

    /** The holder, or null when free. */
    private final AtomicReference<Thread> owner = new AtomicReference<>();

    @Override
    public void lock() {
        Thread me = Thread.currentThread();
        if (owner.get() == me) {
            throw new IllegalMonitorStateException("the spinlock is not reentrant: " + me + " already holds it");
        }
        int spins = 1;
        while (!owner.compareAndSet(null, me)) {
            for (int i = 0; i < spins; i++) {
                Thread.onSpinWait();
            }
            if (spins < MAX_SPINS) {
                spins <<= 1;
            } else {
                Thread.yield();
            }
        }
    }

    @Override
    public boolean tryLock() {
        return owner.compareAndSet(null, Thread.currentThread());
    }

    @Override
    public void unlock() {
        if (!owner.compareAndSet(Thread.currentThread(), null)) {
            throw new IllegalMonitorStateException("the spinlock is held by " + owner.get() + ", not by "
                    + Thread.currentThread());
        }
    }
}
