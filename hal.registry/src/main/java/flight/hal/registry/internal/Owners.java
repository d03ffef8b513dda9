package flight.hal.registry.internal;

/**
 * The activations of one interface that may own objects — the selected ones and the retiring ones — as an array
 * replaced whole by the registry's worker and read without locks by {@code leaseOwner}.
 */
final class Owners {
    private static final Activation[] NONE = {};

    private volatile Activation[] holders = NONE;

    /** The activation whose issuer owns {@code handle}, or null. */
    Activation find(long handle) {
        for (Activation holder : holders) {
            if (holder.issuer != null && holder.issuer.owns(handle)) {
                return holder;
            }
        }
        return null;
    }

    void replace(Activation[] now) {
        holders = now;
    }
}
