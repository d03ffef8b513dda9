package flight.hal.registry;

import java.util.Objects;
import java.util.Set;

import flight.hal.HalCapability;

/**
 * The selection of handles that require capabilities ({@link HalRegistry#handle(Class, Set)}).
 *
 * @param required the capabilities every driver it selects must have
 * @param selected the driver it selects, or {@code null} when no candidate has them all
 * @param note     which candidates were passed over and why, else empty
 *
 * @since 1.1
 */
public record RoleStatus(Set<HalCapability> required, String selected, String note) {

    public RoleStatus {
        required = Set.copyOf(required);
        Objects.requireNonNull(note, "note");
    }
}
