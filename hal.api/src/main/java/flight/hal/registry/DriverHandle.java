package flight.hal.registry;

import java.util.Set;
import java.util.function.Function;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.HalResult;

/**
 * The way to the selected driver of one HAL interface, following every re-selection, and to the owner of every object
 * a driver of the interface handed out.
 *
 * <p>{@link #current()} is one volatile read: use it where a call may safely race a hot swap. Where a call must not
 * straddle a swap (an allocation and its release, a multi-step transaction), take a {@link #lease()}: the registry does
 * not shut a driver down while a lease on it is open.
 *
 * <p>Objects outlive swaps: a call on an object a driver handed out (releasing an allocation, drawing into a render
 * target) goes to {@link #leaseOwner(long)} or {@link #callOwner(long, Function)}, which reach the driver that owns it
 * now — the one that issued it, still serving it as {@link DriverState#RETIRING}, or the successor that adopted it —
 * whichever driver is selected meanwhile.
 *
 * @param <T> the HAL interface
 */
@ProviderType
public interface DriverHandle<T extends HalDriver> {

    /** The class name of the HAL interface. */
    String interfaceName();

    /**
     * The capabilities every driver this handle selects must have: those asked for with
     * {@link HalRegistry#handle(Class, Set)} plus those the configuration requires of the interface. Empty when none.
     *
     * @since 1.1
     */
    Set<HalCapability> requiredCapabilities();

    /** The selected driver right now, or {@code null} when the interface has none. Never blocks. */
    T current();

    /**
     * Leases the selected driver: until the lease is closed, that driver is not shut down, even if another is
     * selected meanwhile. Never blocks. Close leases promptly (try-with-resources); a swap waits for them.
     *
     * @return the lease, or an {@code UNAVAILABLE} error when the interface has no selected driver
     */
    HalResult<DriverLease<T>> lease();

    /**
     * Runs {@code call} on the selected driver under a lease, closing the lease afterwards.
     *
     * @return what {@code call} returned; the error of {@link #lease()}; an {@code INVALID_PARAMETER} error for a
     *         null {@code call}
     */
    default <R> HalResult<R> call(Function<? super T, ? extends HalResult<R>> call) {
        return LeasedCall.run(lease(), call);
    }

    /**
     * Leases the driver that owns the object named {@code handle}: its issuer, or the driver that adopted it in a hand
     * over. Waits only while that object is being handed from one driver to another (bounded by the registry's lease
     * drain timeout).
     *
     * @return the lease; an {@code INVALID_PARAMETER} error for the null handle; a {@code NOT_FOUND} error naming the
     *         issuer when no driver of this interface owns the handle (released by force, or the issuer's objects
     *         were dropped); a {@code TIMEOUT} error when a hand-over did not end in time
     *
     * @since 1.1
     */
    HalResult<DriverLease<T>> leaseOwner(long handle);

    /**
     * Runs {@code call} on the owner of {@code handle} (see {@link #leaseOwner(long)}) under a lease.
     *
     * @return what {@code call} returned; the error of {@link #leaseOwner(long)}; an {@code INVALID_PARAMETER} error
     *         for a null {@code call}
     *
     * @since 1.1
     */
    default <R> HalResult<R> callOwner(long handle, Function<? super T, ? extends HalResult<R>> call) {
        return LeasedCall.run(leaseOwner(handle), call);
    }
}
