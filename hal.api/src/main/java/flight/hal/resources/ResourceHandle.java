package flight.hal.resources;

import java.util.Objects;

/**
 * The identity of one acquired resource.
 *
 * @param id                unique among all resources of the manager, never reused
 * @param name              the name it was acquired under
 * @param metadata          what was acquired
 * @param ownerBundleId     id of the bundle it is charged to
 * @param ownerSymbolicName symbolic name of that bundle
 */
public record ResourceHandle(long id, String name, ResourceMetadata metadata, long ownerBundleId,
                             String ownerSymbolicName) {

    public ResourceHandle {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(ownerSymbolicName, "ownerSymbolicName");
    }

    public ResourceType type() {
        return metadata.type();
    }

    public long sizeBytes() {
        return metadata.sizeBytes();
    }

    /** {@code 'name' (TYPE, N bytes, #id) of bundle [id]} */
    @Override
    public String toString() {
        return "'" + name + "' (" + metadata.type() + ", " + metadata.sizeBytes() + " bytes, #" + id + ") of "
                + ownerSymbolicName + " [" + ownerBundleId + "]";
    }
}
