package flight.hal.registry;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalDriver;

/**
 * A claim on one driver: it is not shut down before the lease is closed. Closing twice is harmless; closing from two
 * threads at once is not: a lease is used as try-with-resources uses it, by one thread at a time.
 *
 * @param <T> the HAL interface
 */
@ProviderType
public interface DriverLease<T extends HalDriver> extends AutoCloseable {

    /** The leased driver; the same object for the whole life of the lease, even across a re-selection. */
    T driver();

    /** Ends the claim; a re-selection waiting for it may then shut the driver down. */
    @Override
    void close();
}
