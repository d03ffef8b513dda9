package flight.hal.registry.internal;

import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.DriverLease;

/**
 * The handle of one role of an interface — the plain selection, or the best driver with given capabilities: a volatile
 * reference to the selected {@link Activation}, written by the interface's worker, plus the way to objects' owners.
 */
final class RoleHandle<T extends HalDriver> implements DriverHandle<T> {
    private final String interfaceName;
    private final Owners owners;
    private final LongSupplier ownerWaitNanos;
    private volatile Set<HalCapability> required;
    private volatile Activation selected;
    /** {@code selected}'s driver, kept apart so that {@link #current()} is one volatile read, as a plain field is. */
    private volatile HalDriver selectedDriver;

    RoleHandle(String interfaceName, Set<HalCapability> required, Owners owners, LongSupplier ownerWaitNanos) {
        this.interfaceName = interfaceName;
        this.required = Set.copyOf(required);
        this.owners = owners;
        this.ownerWaitNanos = ownerWaitNanos;
    }

    @Override
    public String interfaceName() {
        return interfaceName;
    }

    @Override
    public Set<HalCapability> requiredCapabilities() {
        return required;
    }

    void require(Set<HalCapability> capabilities) {
        required = Set.copyOf(capabilities);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T current() {
        return (T) selectedDriver;
    }

    @Override
    public HalResult<DriverLease<T>> lease() {
        Activation current = selected;
        int stripe = current == null ? -1 : current.tryAcquire();
        if (stripe >= 0) {
            return HalResult.ok(new Lease<>(current, stripe));
        }
        return leaseAfterSwap();
    }

    /** None selected, or the selected one closed between the read and the claim: wait for its successor, bounded. */
    private HalResult<DriverLease<T>> leaseAfterSwap() {
        Backoff backoff = new Backoff(ownerWaitNanos.getAsLong());
        while (true) {
            Activation current = selected;
            if (current == null) {
                return HalResult.err(noDriver());
            }
            int stripe = current.tryAcquire();
            if (stripe >= 0) {
                return HalResult.ok(new Lease<>(current, stripe));
            }
            if (!backoff.pause()) {
                return HalResult.err(HalError.timeout("the selected driver of " + interfaceName
                        + " stayed closed for a swap longer than the registry's bound"));
            }
        }
    }

    /** Same contract as the default, without a lease object: this is the hot path. */
    @Override
    @SuppressWarnings("unchecked")
    public <R> HalResult<R> call(Function<? super T, ? extends HalResult<R>> call) {
        if (call == null) {
            return HalResult.err(HalError.invalidParameter(interfaceName + ": a call needs a function to run, was null"));
        }
        Activation current = selected;
        int stripe = current == null ? -1 : current.tryAcquire();
        if (stripe < 0) {
            return DriverHandle.super.call(call); // none, or closed for a swap: the waiting path
        }
        try {
            return call.apply((T) current.driver);
        } finally {
            current.release(stripe);
        }
    }

    @Override
    public HalResult<DriverLease<T>> leaseOwner(long handle) {
        if (handle == 0) {
            return HalResult.err(HalError.invalidParameter(interfaceName + ": no driver owns the null handle"));
        }
        Backoff backoff = null;
        while (true) {
            Activation owner = owners.find(handle);
            if (owner == null) {
                return HalResult.err(HalError.notFound("no driver of " + interfaceName + " owns handle " + handle
                        + " (issued by " + HandleIssuer.issuerName(handle) + "): it was released, or dropped with"
                        + " its driver"));
            }
            int stripe = owner.tryAcquire();
            if (stripe >= 0) {
                return HalResult.ok(new Lease<>(owner, stripe));
            }
            backoff = backoff == null ? new Backoff(ownerWaitNanos.getAsLong()) : backoff;
            if (!backoff.pause()) {
                return HalResult.err(HalError.timeout("the objects of '" + owner.candidate.name()
                        + "' were still being handed over after the registry's bound; handle " + handle));
            }
        }
    }

    private HalError noDriver() {
        return HalError.unavailable("no driver is selected for " + interfaceName
                + (required.isEmpty() ? "" : " with capabilities " + required));
    }

    Activation selected() {
        return selected;
    }

    void publish(Activation next) {
        selected = next;
        selectedDriver = next == null ? null : next.driver;
    }
}
