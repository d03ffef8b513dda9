package flight.hal.registry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.HalResult;
import flight.hal.LiveObjects;

/**
 * Keeps the best available driver of every HAL interface selected and re-selects at once when drivers come, go or
 * change rank, or when a driver's registration is modified: a selected driver is then asked again whether it is
 * available, and moved away from if it is not (a remote driver whose node died).
 *
 * <p>Candidates of an interface are ordered as OSGi orders services (highest {@code service.ranking}, then lowest
 * {@code service.id}); the selected one is the first that is available, matches the pin if there is one, and
 * initializes. An interface marked {@link flight.hal.NonExclusive} has no plain selection: every available driver of
 * it is initialized and used by name, and only roles ({@link #handle(Class, Set)}) select by ranking. Interfaces are
 * named by their class name; where a method takes an interface name it also accepts the
 * simple name ({@code MemoryDriver}) when that is unambiguous.
 */
@ProviderType
public interface HalRegistry {

    /**
     * The handle through which callers reach the selected driver of {@code halInterface}. Handles are created on
     * demand and stay valid while the registry runs; one exists for an interface that has no driver yet. For a
     * {@link flight.hal.NonExclusive} interface it never selects a driver: ask for a role with
     * {@link #handle(Class, Set)}, or use the drivers by name.
     *
     * @throws NullPointerException when {@code halInterface} is null
     */
    <T extends HalDriver> DriverHandle<T> handle(Class<T> halInterface);

    /**
     * A handle that selects the best driver of {@code halInterface} having every capability in {@code required} (and
     * those the configuration requires of the interface), and moves only among such drivers; candidates without them
     * are passed over, which {@link InterfaceStatus#roles()} shows. With no capabilities it is {@link #handle(Class)}.
     *
     * @throws NullPointerException when an argument is null or {@code required} contains null
     *
     * @since 1.1
     */
    <T extends HalDriver> DriverHandle<T> handle(Class<T> halInterface, Set<HalCapability> required);

    /**
     * Waits, at most {@code timeout}, until the registry has acted on every driver registered, changed or unregistered
     * before this call (it selects on its own threads, so a selection follows a registration a little later). Start-up
     * scripts, health checks and tests use it to know that the selections are those of the drivers present.
     *
     * @return every interface's status once that work is done; a {@code TIMEOUT} error when it was not done within
     *         {@code timeout}; an {@code INVALID_PARAMETER} error for a null or negative timeout; an
     *         {@code INVALID_STATE} error when called on one of the registry's selection threads (from a driver's
     *         lifecycle method, say), which would wait for itself
     *
     * @since 1.3
     */
    HalResult<List<InterfaceStatus>> awaitSelections(Duration timeout);

    /** Every interface that has or had candidates, with its candidates in selection order. */
    List<InterfaceStatus> interfaces();

    /** The status of one interface; empty for a null, blank or unknown name. */
    Optional<InterfaceStatus> status(String interfaceName);

    /** Every registered driver with this name, of any interface; none for a null name. */
    List<DriverDescription> drivers(String driverName);

    /**
     * Pins {@code interfaceName} to the driver named {@code driverName}: it is selected whenever it is registered and
     * available, whatever its rank. A pin to an absent or unavailable driver falls back to ranking and says so in
     * {@link InterfaceStatus#note()}. Replaces any earlier pin of the interface, including a configured one.
     *
     * @return an {@code INVALID_PARAMETER} error when either name is blank or null or the interface name is ambiguous;
     *         a {@code NOT_FOUND} error for a simple name no interface has (name one without drivers by class name)
     */
    HalResult<Void> pin(String interfaceName, String driverName);

    /**
     * Removes the pin of {@code interfaceName}, so the best-ranked available driver is selected again.
     *
     * @return a {@code NOT_FOUND} error when the interface is unknown or not pinned; an {@code INVALID_PARAMETER}
     *         error for a blank or null name
     */
    HalResult<Void> unpin(String interfaceName);

    /**
     * Ends a {@link DriverState#RETIRING} driver now: with {@code force}, drops every object it still holds (their
     * handles become invalid) and shuts it down; without, only reports what it holds.
     *
     * @return what was dropped (with {@code force}) or is held; a {@code NOT_FOUND} error when no driver of that name
     *         is retiring; an {@code INVALID_PARAMETER} error for a blank or null name
     *
     * @since 1.1
     */
    HalResult<LiveObjects> retire(String driverName, boolean force);
}
