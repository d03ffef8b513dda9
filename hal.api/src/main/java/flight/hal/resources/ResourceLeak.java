package flight.hal.resources;

import java.time.Instant;
import java.util.Objects;

/**
 * A resource that was released by the manager rather than by its owner.
 *
 * @param handle     the resource
 * @param cause      why the manager released it
 * @param acquiredAt where it was acquired (a stack trace) when leak tracking sampled it; else empty
 * @param detectedAt when the leak was found
 */
public record ResourceLeak(ResourceHandle handle, Cause cause, String acquiredAt, Instant detectedAt) {

    /** Why the manager released a resource. */
    public enum Cause {
        /** Its owning bundle stopped (or released the manager) while holding it. */
        OWNER_STOPPED,
        /** Its {@link ResourceRef} or {@link ScopedResource} became unreachable without being closed. */
        UNREACHABLE,
        /** Blocks of a {@link ResourcePool} were still in use when the pool was closed. */
        POOL_CLOSED
    }

    public ResourceLeak {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }
}
