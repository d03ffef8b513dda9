package flight.hal.resources.internal;

import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import flight.hal.ErrorCategory;
import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceFlags;
import flight.hal.resources.SharedResource;

/** The live shares of all bundles, and the graph that keeps them free of cycles. */
final class ShareRegistry {
    private final ShareGraph graph = new ShareGraph();
    private final Set<Share> live = ConcurrentHashMap.newKeySet();

    /**
     * Shares {@code resource} with the bundle that registered the driver {@code targetDriver}: registers it from
     * the owner's bundle and gets it with the receiver's, so the framework records the receiver as a user.
     */
    HalResult<SharedResource> share(Resource resource, BundleContext ownerContext, String targetDriver) {
        if (!resource.handle.metadata().has(ResourceFlags.SHAREABLE)) {
            return refuse(ErrorCategory.INVALID_PARAMETER, ResourceErrors.NOT_SHAREABLE, "resource " + resource.handle
                    + " cannot be shared with '" + targetDriver + "': it was not acquired with the SHAREABLE flag");
        }
        Bundle receiver = driverBundle(ownerContext, targetDriver);
        if (receiver == null) {
            return refuse(ErrorCategory.NOT_FOUND, ResourceErrors.SHARE_TARGET_NOT_FOUND, "cannot share "
                    + resource.handle
                    + ": no driver named '" + targetDriver + "' is registered");
        }
        BundleContext receiverContext = receiver.getBundleContext();
        if (receiverContext == null) {
            return refuse(ErrorCategory.UNAVAILABLE, ResourceErrors.SHARE_TARGET_INACTIVE, "cannot share "
                    + resource.handle
                    + " with '" + targetDriver + "': its bundle " + name(receiver) + " is not active");
        }
        long owner = resource.owner.bundleId;
        List<Long> cycle = graph.addUnlessCycle(owner, receiver.getBundleId());
        if (!cycle.isEmpty()) {
            return refuse(ErrorCategory.INVALID_STATE, ResourceErrors.SHARE_CYCLE, "sharing " + resource.handle
                    + " with '"
                    + targetDriver + "' of bundle " + name(receiver) + " would close a cycle of waits: "
                    + cycle.stream().map(id -> name(ownerContext.getBundle(id))).collect(Collectors.joining(" -> "))
                    + " -> " + name(receiver));
        }
        Share share = new Share(resource, targetDriver, receiver.getBundleId(), this);
        live.add(share);
        resource.shares.add(share);
        share.registered(ownerContext.registerService(SharedResource.class, share, properties(resource, targetDriver)));
        if (receiverContext.getService(share.reference()) == null) {
            share.revoke();
            return refuse(ErrorCategory.UNAVAILABLE, ResourceErrors.SHARE_REFUSED, "bundle " + name(receiver)
                    + " could not take " + resource.handle + " (it stopped, or the resource was released)");
        }
        return HalResult.ok(new SharedView(share, null));
    }

    /** A share was revoked: it no longer counts in the graph. */
    void ended(Share share) {
        if (live.remove(share)) {
            share.resource.shares.remove(share);
            graph.remove(share.resource.owner.bundleId, share.receiverBundleId);
        }
    }

    /** Revokes every share of {@code owner}'s resources. */
    void revokeAll(BundleAccount owner) {
        live.stream().filter(share -> share.resource.owner == owner).forEach(Share::revoke);
    }

    /** The views held by the bundle {@code bundleId}. */
    List<SharedResource> heldBy(long bundleId) {
        return live.stream().map(share -> (SharedResource) share.viewOf(bundleId)).filter(Objects::nonNull)
                .toList();
    }

    /** The bundle that registered the driver named {@code driverName} (the best ranked, if several did). */
    private static Bundle driverBundle(BundleContext context, String driverName) {
        String filter = "(&(" + HalDriver.NAME_PROPERTY + "=" + escape(driverName) + ")(!("
                + HalDriver.SELECTED_PROPERTY + "=true)))";
        try {
            ServiceReference<?>[] drivers = context.getAllServiceReferences(null, filter);
            return drivers == null ? null : Arrays.stream(drivers).max(ServiceReference::compareTo)
                    .map(ServiceReference::getBundle).orElse(null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("escaped filter " + filter + " is invalid", e);
        }
    }

    private static String escape(String value) {
        return value.replaceAll("([\\\\*()])", "\\\\$1");
    }

    private static Hashtable<String, Object> properties(Resource resource, String targetDriver) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(SharedResource.RESOURCE_ID, resource.handle.id());
        properties.put(SharedResource.RESOURCE_NAME, resource.handle.name());
        properties.put(SharedResource.RESOURCE_TYPE, resource.handle.type().name());
        properties.put(SharedResource.OWNER, resource.owner.symbolicName);
        properties.put(SharedResource.TARGET_DRIVER, targetDriver);
        return properties;
    }

    private static String name(Bundle bundle) {
        return bundle == null ? "(gone)" : bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]";
    }

    private static <T> HalResult<T> refuse(ErrorCategory category, String code, String message) {
        return HalResult.err(new HalError(category, code, message));
    }
}
