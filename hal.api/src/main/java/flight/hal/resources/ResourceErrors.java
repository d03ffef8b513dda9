package flight.hal.resources;

/**
 * The error codes ({@link flight.hal.HalError#code()}) of the resource manager, stable across releases: callers may
 * branch on them, and the methods of {@link ResourceManager}, {@link PoolManager} and {@link ResourcePool} name those
 * they can return. The category each comes with is given here.
 *
 * @since 2.0.0
 */
public final class ResourceErrors {
    /** {@code BUDGET_EXCEEDED}: the bundle's or the type's budget cannot take the request in its acquisition mode. */
    public static final String BUDGET_EXCEEDED = "budget.exceeded";
    /** {@code TIMEOUT}: a {@link AcquisitionMode#TIMEOUT} acquisition waited its time and the budget stayed full. */
    public static final String ACQUIRE_TIMEOUT = "acquire.timeout";
    /** {@code INVALID_STATE}: a waiting acquisition was cancelled (interrupted, or its manager closed). */
    public static final String ACQUIRE_CANCELLED = "acquire.cancelled";
    /** {@code INVALID_STATE}: the bundle's manager was closed (the bundle released its service). */
    public static final String MANAGER_CLOSED = "manager.closed";
    /** {@code INVALID_STATE}: a {@link ResourceAdministration} obtained before its holder lost the right. */
    public static final String ADMIN_REVOKED = "admin.revoked";
    /** {@code INSUFFICIENT_RESOURCES}: every block of the pool is held and it may not grow. */
    public static final String POOL_EXHAUSTED = "pool.exhausted";
    /** {@code INVALID_STATE}: the pool was closed. */
    public static final String POOL_CLOSED = "pool.closed";
    /** {@code INVALID_STATE}: a block released a second time. */
    public static final String POOL_DOUBLE_RELEASE = "pool.double_release";
    /** {@code INVALID_PARAMETER}: a pool of that name and type exists already for the bundle. */
    public static final String POOL_DUPLICATE = "pool.duplicate";
    /** {@code INVALID_PARAMETER}: the resource was not acquired as shareable. */
    public static final String NOT_SHAREABLE = "share.not_shareable";
    /** {@code NOT_FOUND}: no driver of the target name is registered. */
    public static final String SHARE_TARGET_NOT_FOUND = "share.target_not_found";
    /** {@code UNAVAILABLE}: the target driver is registered but not active. */
    public static final String SHARE_TARGET_INACTIVE = "share.target_inactive";
    /** {@code INVALID_STATE}: sharing would make drivers depend on each other in a cycle. */
    public static final String SHARE_CYCLE = "share.cycle";
    /** {@code UNAVAILABLE}: the framework refused to register the share. */
    public static final String SHARE_REFUSED = "share.refused";

    private ResourceErrors() {
    }
}
