package flight.hal.registry;

/** Where a candidate driver stands in its interface's selection. */
public enum DriverState {
    /** Initialized and receiving calls. */
    SELECTED,
    /** Available and ready to take over; not selected because a better candidate (or the pin) won. */
    STANDBY,
    /** Reports itself unavailable ({@code isAvailable() == false}). */
    UNAVAILABLE,
    /**
     * Its {@code initialize()} failed, returned null, threw or did not return in time, or it answered null or threw
     * where the registry asked it something; retried when its registration changes.
     *
     * @since 1.1
     */
    FAILED,
    /**
     * Lacks a capability its interface requires; passed over.
     *
     * @since 1.1
     */
    INELIGIBLE,
    /**
     * Left by the selection but still holding objects its clients have not released (its successor could not adopt
     * them): it serves calls on those objects only, and is shut down when the last is released or it is retired
     * by force.
     *
     * @since 1.1
     */
    RETIRING,
    /**
     * Initialized and usable by name beside the interface's other drivers: its interface is
     * {@link flight.hal.NonExclusive}, so no driver of it is selected or on standby; roles that ask for capabilities
     * ({@link HalRegistry#handle(Class, java.util.Set)}) may choose it, which {@link InterfaceStatus#roles()} shows.
     *
     * @since 1.2
     */
    AVAILABLE
}
