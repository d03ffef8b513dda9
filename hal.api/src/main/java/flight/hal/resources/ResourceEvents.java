package flight.hal.resources;

/**
 * The Event Admin topics the resource manager posts on, where Event Admin runs, and their properties. Events are
 * posted asynchronously ({@code postEvent}); enum values are posted by name, so an event handler can filter on them,
 * e.g. {@code (pressure.new=CRITICAL)}.
 *
 * @since 2.1
 */
public final class ResourceEvents {
    /**
     * The pressure level of a resource type changed: properties {@link #TYPE}, {@link #OLD_LEVEL},
     * {@link #NEW_LEVEL}, {@link #USAGE}, {@link #MAX}. Posted in the order the levels changed, once per change, as
     * {@link PressureListener}s hear them.
     */
    public static final String PRESSURE_CHANGED = "flight/hal/resources/PRESSURE_CHANGED";
    /**
     * The manager released a resource its owner did not (a {@link ResourceLeak}): properties {@link #TYPE},
     * {@link #HANDLE}, {@link #HANDLE_ID}, {@link #SIZE}, {@link #CAUSE}, {@link #ACQUISITION_SITE},
     * {@link #OWNER_BUNDLE_ID}, {@link #OWNER_SYMBOLIC_NAME}.
     */
    public static final String LEAK_DETECTED = "flight/hal/resources/LEAK_DETECTED";

    /** String: the {@link ResourceType}'s name. */
    public static final String TYPE = "type";
    /** String: the {@link ResourcePressure} level before the change. */
    public static final String OLD_LEVEL = "pressure.old";
    /** String: the {@link ResourcePressure} level now. */
    public static final String NEW_LEVEL = "pressure.new";
    /** Long: bytes of the type in use when the level changed. */
    public static final String USAGE = "usage.bytes";
    /** Long: the type's budget maximum in bytes; {@link Long#MAX_VALUE} when the budget is unlimited. */
    public static final String MAX = "max.bytes";
    /** String: the leaked resource as {@link ResourceHandle#toString()} describes it. */
    public static final String HANDLE = "handle";
    /** Long: the leaked resource's {@link ResourceHandle#id()}. */
    public static final String HANDLE_ID = "handle.id";
    /** Long: the leaked resource's size in bytes (for a pool, of the blocks still in use). */
    public static final String SIZE = "size.bytes";
    /** String: the {@link ResourceLeak.Cause}'s name. */
    public static final String CAUSE = "cause";
    /** String: where it was acquired (a stack trace) when leak tracking sampled it; else empty. */
    public static final String ACQUISITION_SITE = "acquisition.site";
    /** Long: the id of the bundle the resource was charged to. */
    public static final String OWNER_BUNDLE_ID = "owner.bundle.id";
    /** String: that bundle's symbolic name. */
    public static final String OWNER_SYMBOLIC_NAME = "owner.bundle.symbolicName";

    private ResourceEvents() {
    }
}
