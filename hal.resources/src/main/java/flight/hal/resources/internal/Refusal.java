package flight.hal.resources.internal;

/** Which budget refused a reservation. */
enum Refusal {
    /** The owning bundle's own budget. */
    BUNDLE,
    /** The resource type's budget. */
    TYPE
}
