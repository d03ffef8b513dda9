package flight.hal.resources.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.resources.ResourceHandle;
import flight.hal.resources.ResourceLeak;

/**
 * One acquired resource and its holders: the owner, and every bundle that obtained it as a shared resource. Its bytes
 * go back to the budget once the last holder lets go; each holder lets go exactly once, so nothing is released twice.
 */
final class Resource {
    private static final Logger LOG = LoggerFactory.getLogger(Resource.class);

    final ResourceHandle handle;
    final Object value;
    final BundleAccount owner;
    /** Where it was acquired, when leak tracking sampled it; else null. */
    final Throwable acquiredAt;
    /** The shares of this resource, to be revoked once it is freed. */
    final List<Share> shares = new CopyOnWriteArrayList<>();
    private final Ledger ledger;
    private final AtomicInteger holders = new AtomicInteger(1);
    private final AtomicBoolean ownerHolds = new AtomicBoolean(true);

    Resource(ResourceHandle handle, Object value, BundleAccount owner, Throwable acquiredAt, Ledger ledger) {
        this.handle = handle;
        this.value = value;
        this.owner = owner;
        this.acquiredAt = acquiredAt;
        this.ledger = ledger;
    }

    boolean ownerHolds() {
        return ownerHolds.get();
    }

    /** The owner lets go; {@code false} when it already had. */
    boolean releaseOwnerHold() {
        if (!ownerHolds.compareAndSet(true, false)) {
            return false;
        }
        letGo();
        return true;
    }

    /** The manager lets go for an owner that did not: the leak is reported first, then released. */
    void releaseAsLeak(LeakLog leaks, ResourceLeak.Cause cause) {
        if (ownerHolds.compareAndSet(true, false)) {
            leaks.report(handle, cause, acquiredAt);
            letGo();
        }
    }

    /** Another holder takes the resource; {@code false} when it is already freed. */
    boolean hold() {
        int count;
        do {
            count = holders.get();
            if (count == 0) {
                return false;
            }
        } while (!holders.compareAndSet(count, count + 1));
        return true;
    }

    /** A holder lets go; the last one frees the resource. */
    void letGo() {
        if (holders.decrementAndGet() == 0) {
            owner.resources.remove(handle.id());
            ledger.release(owner, handle.type(), handle.sizeBytes());
            closeValue();
        }
    }

    boolean isFreed() {
        return holders.get() == 0;
    }

    /** Unregisters the shares of a freed resource: nobody can take it any more. */
    void revokeSharesIfFreed() {
        if (isFreed()) {
            shares.forEach(Share::revoke);
        }
    }

    private void closeValue() {
        if (value instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing the value of resource {} failed", handle, e);
            }
        }
    }
}
