package flight.hal.registry;

import java.util.Objects;

/**
 * The selected driver of an interface changed.
 *
 * @param interfaceName class name of the HAL interface
 * @param previous      the driver left, or {@code null} when none was selected
 * @param selected      the driver now selected, or {@code null} when none is left
 */
public record SelectionEvent(String interfaceName, String previous, String selected) {

    /** Event Admin topic under which the registry posts selection changes, where Event Admin is present. */
    public static final String TOPIC = "flight/hal/driver/SELECTED";
    /** Event property: the interface's class name. */
    public static final String INTERFACE = "interface";
    /** Event property: the driver left; absent when none was selected. */
    public static final String PREVIOUS = "previous";
    /** Event property: the driver now selected; absent when none is left. */
    public static final String SELECTED = "selected";

    public SelectionEvent {
        Objects.requireNonNull(interfaceName, "interfaceName");
    }
}
