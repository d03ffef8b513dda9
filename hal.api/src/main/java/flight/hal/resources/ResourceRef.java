package flight.hal.resources;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An acquired resource with a value of type {@code T}, made by the factory given to
 * {@link ResourceManager#acquire(String, ResourceMetadata, java.util.function.Supplier, AcquisitionMode)}. When the
 * resource is finally released, a value that is {@link AutoCloseable} is closed.
 *
 * @param <T> the type of the value
 */
@ProviderType
public interface ResourceRef<T> extends ScopedResource {

    /**
     * The value.
     *
     * @throws IllegalStateException when this ref was closed: using a released resource is a programming error
     */
    T get();
}
