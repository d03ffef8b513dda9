package flight.hal.resources;

/**
 * How important an acquisition is. Acquisitions up to {@link #HIGH} fit under a budget's {@code max - reserved};
 * {@link #CRITICAL} ones may also use the reserve.
 */
public enum ResourcePriority {
    LOW,
    NORMAL,
    HIGH,
    CRITICAL
}
