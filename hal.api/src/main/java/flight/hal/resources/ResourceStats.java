package flight.hal.resources;

import java.util.Objects;

/**
 * Accounting of one resource type, over all bundles or for one bundle, at one moment.
 *
 * @param type            the resource type
 * @param currentUsage    bytes in use
 * @param peakUsage       the highest {@code currentUsage} so far
 * @param allocationCount acquisitions made so far
 * @param activeCount     acquisitions not yet released
 * @param overrunCount    {@link AcquisitionMode#EMERGENCY} acquisitions that went over the budget
 * @param budget          the budget that applies
 * @param pressure        the pressure level
 */
public record ResourceStats(ResourceType type, long currentUsage, long peakUsage, long allocationCount,
                            long activeCount, long overrunCount, ResourceBudget budget, ResourcePressure pressure) {

    public ResourceStats {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(pressure, "pressure");
    }
}
