package flight.hal.registry.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import flight.hal.HalDriver;
import flight.hal.registry.DriverLease;

/** A lease on one activation; the first close releases it, later ones do nothing. */
final class Lease<T extends HalDriver> implements DriverLease<T> {
    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(Lease.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Activation activation;
    private final int stripe;
    @SuppressWarnings("unused") // accessed through CLOSED
    private volatile boolean closed;

    Lease(Activation activation, int stripe) {
        this.activation = activation;
        this.stripe = stripe;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T driver() {
        return (T) activation.driver;
    }

    @Override
    public void close() {
        if (CLOSED.compareAndSet(this, false, true)) {
            activation.release(stripe);
        }
    }
}
