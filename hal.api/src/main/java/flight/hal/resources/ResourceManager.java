package flight.hal.resources;

import java.util.List;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalResult;

/**
 * Budgets, pools and sharing of resources across drivers. The service has bundle scope: every bundle gets its own
 * manager, and every acquisition is charged to the bundle that made it. When that bundle stops (or lets go of the
 * service), whatever it still holds is released and reported as a {@link ResourceLeak}, its shares are revoked and
 * its waiting acquisitions fail.
 *
 * <p>An acquisition that does not fit its type's budget (or its bundle's) first asks the {@link Reclaimer}s of the
 * type for the missing bytes, then behaves as its {@link AcquisitionMode} says. Failures are results: a
 * {@code BUDGET_EXCEEDED} error ({@code budget.exceeded}) naming type, bundle and numbers; {@code TIMEOUT}
 * ({@code acquire.timeout}); {@code INVALID_STATE} ({@code acquire.cancelled}) for a wait ended by its bundle
 * stopping. Usage is counted in a {@code long}: an acquisition that would bring it past {@link Long#MAX_VALUE} bytes
 * does not fit any budget, even the unlimited one, and an {@link AcquisitionMode#EMERGENCY} one is refused then too.
 *
 * <p>Default budgets come from the selected memory driver's platform info (memory 60 % of its total with 10 %
 * reserved, hardware 20 % with 5 % reserved, warning at 75 %, critical at 90 %; other types unlimited) and follow a
 * driver swap. The configuration PID {@value #PID} and {@link ResourceAdministration} override them.
 *
 * <p>This is a tenant's view: it sees and changes only its own bundle's resources, pools and usage. Setting budgets
 * and seeing every bundle's usage, pools and leaks is {@link ResourceAdministration}, a separate service handed only
 * to the bundles the configuration names; a manager is never one.
 */
@ProviderType
public interface ResourceManager {

    /** Configuration PID of the manager. */
    String PID = "flight.hal.resources";
    /** Service property of pressure listeners, reclaimers and shared resources: resource type names. */
    String RESOURCE_TYPE_PROPERTY = "resource.type";

    /**
     * Acquires a resource described by {@code metadata}, charged to this bundle, and makes its value with
     * {@code factory} once the budget has room.
     *
     * @return the resource; an {@code INVALID_PARAMETER} error for a blank name or bad metadata, else as the
     *         class documentation says: {@value ResourceErrors#BUDGET_EXCEEDED} when the budget cannot take it in
     *         {@code mode}, {@value ResourceErrors#ACQUIRE_TIMEOUT} or {@value ResourceErrors#ACQUIRE_CANCELLED} for a
     *         wait that ended without room, {@value ResourceErrors#MANAGER_CLOSED} once this manager is closed
     */
    <T> HalResult<ResourceRef<T>> acquire(String name, ResourceMetadata metadata, Supplier<? extends T> factory,
                                          AcquisitionMode mode);

    /** {@link #acquire(String, ResourceMetadata, Supplier, AcquisitionMode)} without waiting. */
    default <T> HalResult<ResourceRef<T>> acquire(String name, ResourceMetadata metadata,
                                                  Supplier<? extends T> factory) {
        return acquire(name, metadata, factory, AcquisitionMode.NON_BLOCKING);
    }

    /** Acquires a resource without a value: the budget claim itself; errors as for {@link #acquire}. */
    HalResult<ScopedResource> acquireScoped(String name, ResourceMetadata metadata, AcquisitionMode mode);

    /** {@link #acquireScoped(String, ResourceMetadata, AcquisitionMode)} without waiting. */
    default HalResult<ScopedResource> acquireScoped(String name, ResourceMetadata metadata) {
        return acquireScoped(name, metadata, AcquisitionMode.NON_BLOCKING);
    }

    /**
     * Releases one of this bundle's resources by handle, as closing its ref does.
     *
     * @return a {@code NOT_FOUND} error when this bundle holds no such resource (any more): for {@code null}, a
     *         handle of another bundle, or one that differs in any component from the handle this manager issued
     */
    HalResult<Void> release(ResourceHandle handle);

    /** This bundle's resources not yet freed. */
    List<ResourceHandle> resources();

    /**
     * Shares one of this bundle's {@link ResourceFlags#SHAREABLE} resources with the driver named
     * {@code targetDriverName} ({@code hal.driver.name}): the resource is registered as a {@link SharedResource}
     * service from this bundle and obtained by the bundle that registered the driver.
     *
     * @return the owner's view (close it to revoke); {@code INVALID_PARAMETER} for a blank or null driver name,
     *         {@code NOT_FOUND} for an unknown (or null, or released) resource or an unknown driver,
     *         ({@value ResourceErrors#SHARE_TARGET_NOT_FOUND}), {@code INVALID_PARAMETER}
     *         ({@value ResourceErrors#NOT_SHAREABLE}) for a resource without the flag, {@code INVALID_STATE}
     *         ({@value ResourceErrors#SHARE_CYCLE}) when the share would make a cycle of waits between bundles,
     *         {@code UNAVAILABLE} ({@value ResourceErrors#SHARE_TARGET_INACTIVE}, {@value ResourceErrors#SHARE_REFUSED})
     *         when the receiving bundle is not active or the framework refuses the registration
     */
    HalResult<SharedResource> share(ResourceHandle handle, String targetDriverName);

    /** The shared resources this bundle holds as a receiver. */
    List<SharedResource> sharedWithMe();

    /**
     * Accounting of {@code type} for this bundle; its budget is the bundle's own when it has one, else the type's.
     *
     * @throws NullPointerException when {@code type} is null
     */
    ResourceStats ownStats(ResourceType type);

    /** This bundle's pools. */
    PoolManager pools();
}
