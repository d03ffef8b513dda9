package flight.hal.resources.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.PoolManager;
import flight.hal.resources.ResourceHandle;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourceRef;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;
import flight.hal.resources.ScopedResource;
import flight.hal.resources.SharedResource;

/**
 * The resource manager one bundle sees: a bundle-scoped component, so each bundle that gets the service gets its own
 * instance, and everything it acquires is charged to its account. When the bundle lets go of the service (or stops)
 * the instance is deactivated and the account closed. It is a tenant's view: it sees and changes this bundle's
 * resources only; budgets and other bundles' usage are {@link Administration}'s.
 */
@Component(service = ResourceManager.class, scope = ServiceScope.BUNDLE)
public final class BundleResourceManager implements ResourceManager {

    @Reference
    ResourceAccounting accounting;

    private BundleAccount account;
    private BundleContext bundleContext;
    private PoolManager pools;

    @Activate
    void activate(ComponentContext context) {
        Bundle user = context.getUsingBundle();
        bundleContext = user.getBundleContext();
        account = accounting.open(user.getBundleId(), user.getSymbolicName());
        pools = new BundlePools(account, accounting);
    }

    @Deactivate
    void deactivate() {
        accounting.close(account);
    }

    @Override
    public <T> HalResult<ResourceRef<T>> acquire(String name, ResourceMetadata metadata,
                                                 Supplier<? extends T> factory, AcquisitionMode mode) {
        HalError refusal = refusal(name, metadata, mode);
        if (refusal == null && factory == null) {
            refusal = HalError.invalidParameter("resource '" + name + "' needs a factory for its value");
        }
        return refusal != null ? HalResult.err(refusal)
                : accounting.acquire(account, name.trim(), metadata, factory, mode);
    }

    @Override
    public HalResult<ScopedResource> acquireScoped(String name, ResourceMetadata metadata, AcquisitionMode mode) {
        HalError refusal = refusal(name, metadata, mode);
        return refusal != null ? HalResult.err(refusal)
                : accounting.acquire(account, name.trim(), metadata, () -> null, mode).map(ScopedResource.class::cast);
    }

    /** Why a request is refused before any accounting: bad arguments, or a closed manager; null when acceptable. */
    private HalError refusal(String name, ResourceMetadata metadata, AcquisitionMode mode) {
        if (name == null || name.isBlank()) {
            return HalError.invalidParameter("a resource needs a name");
        }
        if (metadata == null || mode == null) {
            return HalError.invalidParameter("resource '" + name + "' needs metadata and an acquisition mode");
        }
        if (account.isClosed()) {
            return ResourceAccounting.closed(account);
        }
        return metadata.check().errorOrNull();
    }

    @Override
    public HalResult<Void> release(ResourceHandle handle) {
        Resource resource = issued(handle);
        if (resource == null || !resource.releaseOwnerHold()) {
            return HalResult.err(HalError.notFound("bundle " + account + " holds no resource " + handle));
        }
        return HalResult.ok();
    }

    /**
     * This bundle's resource that {@code handle} names, or null. The whole handle must match, not only its id: a
     * handle made up or altered by the caller names nothing.
     */
    Resource issued(ResourceHandle handle) {
        Resource resource = handle == null ? null : account.resources.get(handle.id());
        return resource != null && resource.handle.equals(handle) ? resource : null;
    }

    @Override
    public List<ResourceHandle> resources() {
        return account.resources.values().stream().map(resource -> resource.handle).toList();
    }

    @Override
    public HalResult<SharedResource> share(ResourceHandle handle, String targetDriverName) {
        if (targetDriverName == null || targetDriverName.isBlank()) {
            return HalResult.err(HalError.invalidParameter("a share needs the name of the driver to share with"));
        }
        Resource resource = issued(handle);
        if (resource == null || !resource.ownerHolds()) {
            return HalResult.err(HalError.notFound("bundle " + account + " holds no resource " + handle
                    + " to share"));
        }
        return accounting.shares.share(resource, bundleContext, targetDriverName.trim());
    }

    @Override
    public List<SharedResource> sharedWithMe() {
        return accounting.shares.heldBy(account.bundleId);
    }

    @Override
    public ResourceStats ownStats(ResourceType type) {
        return account.stats(accounting.ledger.type(Objects.requireNonNull(type, "type"))).stats();
    }

    @Override
    public PoolManager pools() {
        return pools;
    }
}
