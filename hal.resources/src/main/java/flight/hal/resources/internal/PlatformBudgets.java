package flight.hal.resources.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.PlatformInfo;
import flight.hal.memory.MemoryDriver;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.SelectionEvent;
import flight.hal.registry.SelectionListener;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceType;
import flight.hal.shell.format.Sizes;

/**
 * Default budgets from the memory of the machine the selected memory driver reports
 * ({@link PlatformInfo#machineMemoryBytes()}), renewed whenever another memory driver is selected: memory 60 % of it
 * with 10 % reserved, hardware 20 % with 5 % reserved, warning at 75 % and critical at 90 %. Each budget's source is
 * kept for {@code hal:resources}, naming the driver and the figure it reported.
 */
@Component(service = SelectionListener.class,
        property = SelectionListener.INTERFACE_FILTER_PROPERTY + "=flight.hal.memory.MemoryDriver")
public final class PlatformBudgets implements SelectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformBudgets.class);
    private static final int MEMORY_PERCENT = 60;
    private static final int MEMORY_RESERVED_PERCENT = 10;
    private static final int HARDWARE_PERCENT = 20;
    private static final int HARDWARE_RESERVED_PERCENT = 5;

    @Reference
    HalRegistry registry;

    @Reference
    ResourceAccounting accounting;

    @Activate
    void activate() {
        follow();
    }

    @Override
    public void selectionChanged(SelectionEvent event) {
        follow();
    }

    /** Reads the selected driver now; synchronized so the last reading is the one applied. */
    synchronized void follow() {
        MemoryDriver driver = registry.handle(MemoryDriver.class).current();
        if (driver == null) {
            LOG.info("no memory driver is selected; budgets stay as they are");
            return;
        }
        PlatformInfo platform;
        try {
            platform = driver.platformInfo();
        } catch (RuntimeException e) {
            LOG.warn("memory driver '{}' threw from platformInfo(); budgets stay as they are", driver.name(), e);
            return;
        }
        long machineMemory = platform.machineMemoryBytes();
        if (machineMemory <= 0) {
            LOG.warn("memory driver '{}' does not know the machine's memory; budgets stay as they are",
                    driver.name());
            return;
        }
        Map<ResourceType, ResourceBudget> defaults = defaults(machineMemory);
        accounting.budgets.platformDefaults(defaults, sources(driver.name(), machineMemory));
        LOG.info("default budgets follow memory driver '{}' ({}, {} bytes in the machine): {}", driver.name(),
                platform.platformName(), machineMemory, defaults);
    }

    static Map<ResourceType, ResourceBudget> defaults(long machineMemory) {
        return Map.of(
                ResourceType.MEMORY, ResourceBudget.of(percent(machineMemory, MEMORY_PERCENT),
                        percent(machineMemory, MEMORY_RESERVED_PERCENT)),
                ResourceType.HARDWARE, ResourceBudget.of(percent(machineMemory, HARDWARE_PERCENT),
                        percent(machineMemory, HARDWARE_RESERVED_PERCENT)));
    }

    /**
     * Where each default comes from, e.g. "60 % of 24.0 GiB (25,769,803,776 B) reported by host.memory
     * (PlatformInfo...)".
     */
    static Map<ResourceType, String> sources(String driverName, long machineMemory) {
        String of = " % of " + Sizes.of(machineMemory) + " reported by " + driverName
                + " (PlatformInfo.machineMemoryBytes)";
        return Map.of(ResourceType.MEMORY, MEMORY_PERCENT + of, ResourceType.HARDWARE, HARDWARE_PERCENT + of);
    }

    private static long percent(long total, int percent) {
        return total / 100 * percent + total % 100 * percent / 100;
    }
}
