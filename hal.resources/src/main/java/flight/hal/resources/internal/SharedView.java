package flight.hal.resources.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.ResourceHandle;
import flight.hal.resources.SharedResource;

/**
 * One party's view of a {@link Share}: the owner's ({@code holder == null}), whose close revokes the share, or a
 * receiving bundle's (the service object the framework hands it), whose close lets go of it.
 */
final class SharedView implements SharedResource {
    private final Share share;
    private final Bundle holder;
    private volatile boolean detached;

    SharedView(Share share, Bundle holder) {
        this.share = share;
        this.holder = holder;
    }

    @Override
    public ResourceHandle handle() {
        return share.resource.handle;
    }

    @Override
    public String targetDriver() {
        return share.targetDriver;
    }

    @Override
    public <T> HalResult<T> value(Class<T> type) {
        if (isRevoked()) {
            return HalResult.err(HalError.invalidState("shared resource " + handle() + " was revoked or let go"));
        }
        if (type == null) {
            return HalResult.err(HalError.invalidParameter("the value of shared resource " + handle()
                    + " was asked for as a null type"));
        }
        Object value = share.resource.value;
        if (!type.isInstance(value)) {
            return HalResult.err(HalError.invalidParameter("the value of shared resource " + handle() + " is "
                    + (value == null ? "absent (a scoped resource)" : "a " + value.getClass().getName())
                    + ", not a " + type.getName()));
        }
        return HalResult.ok(type.cast(value));
    }

    @Override
    public boolean isRevoked() {
        return detached || share.isRevoked();
    }

    /** The framework took this view back from its holder. */
    void detach() {
        detached = true;
    }

    @Override
    public void close() {
        if (holder == null) {
            share.revoke();
            return;
        }
        BundleContext context = holder.getBundleContext();
        if (!detached && context != null) {
            context.ungetService(share.reference());
        }
        share.resource.revokeSharesIfFreed();
    }

    @Override
    public String toString() {
        return "SharedResource" + handle() + " -> " + share.targetDriver + (isRevoked() ? " (revoked)" : "");
    }
}
