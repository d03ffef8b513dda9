package flight.hal.resources.internal;

import java.lang.ref.Cleaner;

import flight.hal.resources.ResourceHandle;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourceRef;

/**
 * The owner's hold on a {@link Resource}. A ref dropped without {@link #close()} is found by the {@link Cleaner}: the
 * owner's hold is released and the leak reported. The cleaning action refers to the resource, never to the ref.
 */
final class Ref<T> implements ResourceRef<T> {
    private final Resource resource;
    private final Cleaner.Cleanable cleanable;

    Ref(Resource resource, Cleaner cleaner, LeakLog leaks) {
        this.resource = resource;
        this.cleanable = cleaner.register(this, new Unreachable(resource, leaks));
    }

    private record Unreachable(Resource resource, LeakLog leaks) implements Runnable {
        @Override
        public void run() {
            resource.releaseAsLeak(leaks, ResourceLeak.Cause.UNREACHABLE);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        if (!isOpen()) {
            throw new IllegalStateException("resource " + resource.handle + " was released");
        }
        return (T) resource.value;
    }

    @Override
    public ResourceHandle handle() {
        return resource.handle;
    }

    @Override
    public boolean isOpen() {
        return resource.ownerHolds();
    }

    @Override
    public void close() {
        resource.releaseOwnerHold();
        resource.revokeSharesIfFreed();
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "ResourceRef" + resource.handle + (isOpen() ? "" : " (released)");
    }
}
