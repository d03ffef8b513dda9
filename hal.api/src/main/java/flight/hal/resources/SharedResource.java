package flight.hal.resources;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalResult;

/**
 * A resource one bundle shares with a driver of another. The owner registers it as an OSGi service of this type (with
 * the properties below) and the receiving bundle obtains it, so the framework records the dependency
 * ({@code ServiceReference.getUsingBundles()}, the shell's {@code inspect}). Every bundle that obtains the service
 * holds the resource: its budget stays charged to the owner until the owner and all holders have let go.
 *
 * <p>The owner's view ({@link ResourceManager#share(ResourceHandle, String)}) revokes the share when closed; a
 * receiver's view (the service object) lets go when closed. The owner's bundle stopping revokes every share: the
 * service is unregistered, so receivers are told as of any service going away, and their views report
 * {@link #isRevoked()}.
 */
@ProviderType
public interface SharedResource extends AutoCloseable {

    /** Service property: the shared resource's id ({@code Long}). */
    String RESOURCE_ID = "resource.id";
    /** Service property: its name. */
    String RESOURCE_NAME = "resource.name";
    /** Service property: its type's name ({@link ResourceManager#RESOURCE_TYPE_PROPERTY}). */
    String RESOURCE_TYPE = ResourceManager.RESOURCE_TYPE_PROPERTY;
    /** Service property: the owning bundle's symbolic name. */
    String OWNER = "resource.owner";
    /** Service property: the name of the driver it was shared with. */
    String TARGET_DRIVER = "resource.share.target";

    /** The shared resource. */
    ResourceHandle handle();

    /** The driver ({@code hal.driver.name}) it was shared with. */
    String targetDriver();

    /**
     * The owner's value, as {@code type}.
     *
     * @return the value; an {@code INVALID_STATE} error once revoked or let go, an {@code INVALID_PARAMETER} error
     *         when {@code type} is null or the value is not a {@code type}
     */
    <T> HalResult<T> value(Class<T> type);

    /** Whether this view no longer gives access: the share was revoked or this holder let go. */
    boolean isRevoked();

    /** The owner's view revokes the share; a receiver's view lets go of it. Closing twice is harmless. */
    @Override
    void close();
}
