package flight.hal.platform;

import org.osgi.annotation.versioning.ProviderType;

/** A test-and-set spinlock with exponential backoff; not reentrant. For very short critical sections only. */
@ProviderType
public interface SpinLock {

    /**
     * Spins, backing off exponentially, until the lock is taken.
     *
     * @throws IllegalMonitorStateException when the calling thread already holds the lock (it is not reentrant: the
     *                                      thread would otherwise spin forever)
     */
    void lock();

    /** Takes the lock if it is free; never spins. {@code false} while any thread, the caller too, holds it. */
    boolean tryLock();

    /** Releases the lock; an {@link IllegalMonitorStateException} when the calling thread does not hold it. */
    void unlock();
}
