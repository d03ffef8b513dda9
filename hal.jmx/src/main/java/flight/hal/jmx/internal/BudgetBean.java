package flight.hal.jmx.internal;

import java.util.Objects;
import java.util.function.Supplier;

import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

/** The MBean of one resource type's budget: reads the administration's stats at every call. */
final class BudgetBean implements BudgetMXBean {
    private final ResourceType type;
    private final Supplier<ResourceAdministration> administration;

    BudgetBean(ResourceType type, Supplier<ResourceAdministration> administration) {
        this.type = Objects.requireNonNull(type, "type");
        this.administration = Objects.requireNonNull(administration, "administration");
    }

    @Override
    public String getType() {
        return type.name();
    }

    @Override
    public long getUsageBytes() {
        return stats().currentUsage();
    }

    @Override
    public long getPeakBytes() {
        return stats().peakUsage();
    }

    @Override
    public long getMaxBytes() {
        return stats().budget().maxBytes();
    }

    @Override
    public long getReservedBytes() {
        return stats().budget().reservedBytes();
    }

    @Override
    public int getWarningPercent() {
        return stats().budget().warningPercent();
    }

    @Override
    public int getCriticalPercent() {
        return stats().budget().criticalPercent();
    }

    @Override
    public String getPressure() {
        return stats().pressure().name();
    }

    @Override
    public long getActiveCount() {
        return stats().activeCount();
    }

    @Override
    public long getAllocationCount() {
        return stats().allocationCount();
    }

    @Override
    public long getOverrunCount() {
        return stats().overrunCount();
    }

    private ResourceStats stats() {
        return Administrations.current(administration).stats(type);
    }
}
