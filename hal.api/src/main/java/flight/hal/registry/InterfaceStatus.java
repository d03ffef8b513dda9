package flight.hal.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import flight.hal.HalCapability;

/**
 * A snapshot of one HAL interface's selection.
 *
 * @param interfaceName class name of the HAL interface
 * @param selected      name of the selected driver, or {@code null} when none is
 * @param pin           name of the driver the interface is pinned to, or {@code null}
 * @param note          why the selection is what it is when that is not plain ranking (a pin that fell back, no
 *                      candidate left, candidates passed over), else empty
 * @param required      capabilities the configuration requires of every driver of the interface
 * @param candidates    every registered driver of the interface, in selection order
 * @param roles         the selections of handles that asked for more capabilities
 *                      ({@link HalRegistry#handle(Class, Set)})
 */
public record InterfaceStatus(String interfaceName, String selected, String pin, String note,
                              Set<HalCapability> required, List<DriverDescription> candidates,
                              List<RoleStatus> roles) {

    public InterfaceStatus {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(note, "note");
        required = Set.copyOf(required);
        candidates = List.copyOf(candidates);
        roles = List.copyOf(roles);
    }

    /** The selected driver's name, if there is one. */
    public Optional<String> selectedDriver() {
        return Optional.ofNullable(selected);
    }
}
