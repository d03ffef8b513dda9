package flight.hal.registry;

/** Where a candidate driver stands in its interface's selection. */
public enum DriverState {
    /** Initialized and receiving calls. */
    SELECTED,
    /** Available and ready to take over; not selected because a better candidate (or the pin) won. */
    STANDBY,
    /** Reports itself unavailable ({@code isAvailable() == false}). */
    UNAVAILABLE,
    /** Its {@code initialize()} failed; retried when its registration changes. */
    FAILED
}
