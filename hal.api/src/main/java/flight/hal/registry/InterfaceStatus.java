package flight.hal.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one HAL interface's selection.
 *
 * @param interfaceName class name of the HAL interface
 * @param selected      name of the selected driver, or {@code null} when none is
 * @param pin           name of the driver the interface is pinned to, or {@code null}
 * @param note          why the selection is what it is when that is not plain ranking (a pin that fell back, no
 *                      candidate left), else empty
 * @param candidates    every registered driver of the interface, in selection order
 */
public record InterfaceStatus(String interfaceName, String selected, String pin, String note,
                              List<DriverDescription> candidates) {

    public InterfaceStatus {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(note, "note");
        candidates = List.copyOf(candidates);
    }

    /** The selected driver's name, if there is one. */
    public Optional<String> selectedDriver() {
        return Optional.ofNullable(selected);
    }
}
