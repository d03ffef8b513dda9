package flight.hal.resources;

/**
 * How close a resource type is to its budget. With a budget's warning and critical percentages {@code w} and
 * {@code c}, a level is entered at: {@link #LOW} {@code w/2} %, {@link #MEDIUM} {@code 4w/5} %, {@link #HIGH}
 * {@code w} %, {@link #CRITICAL} {@code c} % of {@code max}; it is left only when usage falls a hysteresis margin
 * (5 points unless configured) below its entry point, so the level does not flap.
 */
public enum ResourcePressure {
    NONE,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
