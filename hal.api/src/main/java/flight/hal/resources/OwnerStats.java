package flight.hal.resources;

import java.util.Objects;

/**
 * One bundle's accounting of one resource type.
 *
 * @param bundleId          the owning bundle's id
 * @param bundleSymbolicName its symbolic name
 * @param stats             its usage; the budget is its own when one is set, else the type's
 */
public record OwnerStats(long bundleId, String bundleSymbolicName, ResourceStats stats) {

    public OwnerStats {
        Objects.requireNonNull(bundleSymbolicName, "bundleSymbolicName");
        Objects.requireNonNull(stats, "stats");
    }
}
