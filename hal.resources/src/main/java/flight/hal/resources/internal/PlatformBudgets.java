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

/**
 * Default budgets from the selected memory driver's platform info, renewed whenever another memory driver is
 * selected: memory 60 % of the platform's total with 10 % reserved, hardware 20 % with 5 % reserved, warning at 75 %
 * and critical at 90 %.
 */
@Component(service = SelectionListener.class,
        property = SelectionListener.INTERFACE_FILTER_PROPERTY + "=flight.hal.memory.MemoryDriver")
public final class PlatformBudgets implements SelectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformBudgets.class);

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
        if (platform.totalMemory() <= 0) {
            LOG.warn("memory driver '{}' does not know its platform's memory; budgets stay as they are",
                    driver.name());
            return;
        }
        Map<ResourceType, ResourceBudget> defaults = defaults(platform.totalMemory());
        accounting.budgets.platformDefaults(defaults);
        LOG.info("default budgets follow memory driver '{}' ({}, {} bytes): {}", driver.name(),
                platform.platformName(), platform.totalMemory(), defaults);
    }

    static Map<ResourceType, ResourceBudget> defaults(long totalMemory) {
        return Map.of(
                ResourceType.MEMORY, ResourceBudget.of(percent(totalMemory, 60), percent(totalMemory, 10)),
                ResourceType.HARDWARE, ResourceBudget.of(percent(totalMemory, 20), percent(totalMemory, 5)));
    }

    private static long percent(long total, int percent) {
        return total / 100 * percent + total % 100 * percent / 100;
    }
}
