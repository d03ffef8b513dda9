package flight.hal.registry;

import java.util.function.Function;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalDriver;
import flight.hal.HalResult;

/**
 * The way to the selected driver of one HAL interface, following every re-selection.
 *
 * <p>{@link #current()} is one volatile read: use it where a call may safely race a hot swap. Where a call must not
 * straddle a swap (an allocation and its release, a multi-step transaction), take a {@link #lease()}: the registry does
 * not shut a driver down while a lease on it is open.
 *
 * @param <T> the HAL interface
 */
@ProviderType
public interface DriverHandle<T extends HalDriver> {

    /** The class name of the HAL interface. */
    String interfaceName();

    /** The selected driver right now, or {@code null} when the interface has none. Never blocks. */
    T current();

    /**
     * Leases the selected driver: until the lease is closed, that driver is not shut down, even if another is
     * selected meanwhile. Never blocks. Close leases promptly (try-with-resources); a swap waits for them.
     *
     * @return the lease, or an {@code UNAVAILABLE} error when the interface has no selected driver
     */
    HalResult<DriverLease<T>> lease();

    /** Runs {@code call} on the selected driver under a lease, closing the lease afterwards. */
    default <R> HalResult<R> call(Function<? super T, ? extends HalResult<R>> call) {
        HalResult<DriverLease<T>> leased = lease();
        if (leased.isErr()) {
            return HalResult.err(leased.errorOrNull());
        }
        try (DriverLease<T> lease = leased.valueOrNull()) {
            return call.apply(lease.driver());
        }
    }
}
