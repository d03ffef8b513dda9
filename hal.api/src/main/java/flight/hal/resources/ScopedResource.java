package flight.hal.resources;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An acquired resource without a typed value: the accounting claim itself. Close it (try-with-resources) to release
 * it; closing twice is harmless. One dropped without {@link #close()} is found by a {@code Cleaner}, released and
 * reported as a {@link ResourceLeak}.
 */
@ProviderType
public interface ScopedResource extends AutoCloseable {

    /** The resource's identity. */
    ResourceHandle handle();

    /** {@code false} once this holder has let go: closed, or released by the manager when its bundle stopped. */
    boolean isOpen();

    /**
     * Lets go of the resource; its budget is given back once every holder (the owner and any driver it was shared
     * with) has let go.
     */
    @Override
    void close();
}
