package flight.hal.registry.internal;

import java.util.function.Function;

import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.DriverLease;

/** The handle of one interface: a volatile reference to the current {@link Binding}, written by the selection. */
final class SelectedDriverHandle<T extends HalDriver> implements DriverHandle<T> {
    private final String interfaceName;
    private volatile Binding binding;

    SelectedDriverHandle(String interfaceName) {
        this.interfaceName = interfaceName;
    }

    @Override
    public String interfaceName() {
        return interfaceName;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T current() {
        Binding current = binding;
        return current == null ? null : (T) current.driver;
    }

    @Override
    public HalResult<DriverLease<T>> lease() {
        Binding acquired = acquire();
        return acquired == null ? HalResult.err(noDriver()) : HalResult.ok(new Lease<>(acquired));
    }

    /** Same contract as the default, without allocating a lease object: this is the hot path. */
    @Override
    @SuppressWarnings("unchecked")
    public <R> HalResult<R> call(Function<? super T, ? extends HalResult<R>> call) {
        Binding acquired = acquire();
        if (acquired == null) {
            return HalResult.err(noDriver());
        }
        try {
            return call.apply((T) acquired.driver);
        } finally {
            acquired.release();
        }
    }

    /** The current binding, claimed; {@code null} when there is none. */
    private Binding acquire() {
        while (true) {
            Binding current = binding;
            if (current == null) {
                return null;
            }
            if (current.tryAcquire()) {
                return current;
            }
            // retired between the read and the claim: its successor is already published, read again
        }
    }

    private HalError noDriver() {
        return HalError.unavailable("no driver is selected for " + interfaceName);
    }

    Binding binding() {
        return binding;
    }

    void publish(Binding next) {
        binding = next;
    }
}
