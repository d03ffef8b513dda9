package flight.hal.resources.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import flight.hal.resources.SharedResource;

/**
 * One resource shared with one driver, registered as a {@link SharedResource} service from the owner's bundle. Each
 * bundle that gets the service gets its own view and holds the resource until the framework takes the service back
 * from it (it ungets it, it stops, or the share is revoked and unregistered).
 */
final class Share implements ServiceFactory<SharedResource> {
    final Resource resource;
    final String targetDriver;
    final long receiverBundleId;
    private final ShareRegistry registry;
    private final Map<Long, SharedView> views = new ConcurrentHashMap<>();
    private final AtomicBoolean revoked = new AtomicBoolean();
    private volatile ServiceRegistration<SharedResource> registration;

    Share(Resource resource, String targetDriver, long receiverBundleId, ShareRegistry registry) {
        this.resource = resource;
        this.targetDriver = targetDriver;
        this.receiverBundleId = receiverBundleId;
        this.registry = registry;
    }

    void registered(ServiceRegistration<SharedResource> serviceRegistration) {
        registration = serviceRegistration;
    }

    ServiceReference<SharedResource> reference() {
        return registration.getReference();
    }

    @Override
    public SharedResource getService(Bundle bundle, ServiceRegistration<SharedResource> serviceRegistration) {
        if (revoked.get() || !resource.hold()) {
            return null;
        }
        SharedView view = new SharedView(this, bundle);
        views.put(bundle.getBundleId(), view);
        return view;
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<SharedResource> serviceRegistration,
                             SharedResource service) {
        views.remove(bundle.getBundleId());
        ((SharedView) service).detach();
        resource.letGo();
        if (resource.isFreed()) {
            // the last holder went (its bundle stopped, say); unregistering from inside this callback could
            // deadlock the framework, so it is done right after, on another thread
            ForkJoinPool.commonPool().execute(resource::revokeSharesIfFreed);
        }
    }

    /** The view the bundle {@code bundleId} holds, or null. */
    SharedView viewOf(long bundleId) {
        return views.get(bundleId);
    }

    boolean isRevoked() {
        return revoked.get();
    }

    /** Unregisters the service (the framework then takes it back from every holder); the first call only. */
    void revoke() {
        if (!revoked.compareAndSet(false, true)) {
            return;
        }
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            // the owner's bundle stopped and the framework unregistered it first
        }
        registry.ended(this);
    }
}
