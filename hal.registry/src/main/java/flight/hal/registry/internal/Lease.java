package flight.hal.registry.internal;

import flight.hal.HalDriver;
import flight.hal.registry.DriverLease;

/**
 * A lease on one activation; the first close releases it, later ones do nothing. A plain flag is enough for that: a
 * lease is closed by one thread at a time ({@link DriverLease}), and an atomic flag would add a locked
 * instruction to every leased call.
 */
final class Lease<T extends HalDriver> implements DriverLease<T> {
    private final Activation activation;
    private final int stripe;
    private boolean closed;

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
        if (!closed) {
            closed = true;
            activation.release(stripe);
        }
    }
}
