package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceType;

class PlatformBudgetsTest {

    @Test
    void aDreamcastGets60PercentMemoryAnd20PercentHardwareWithTheirReserves() {
        long total = 16L * 1024 * 1024;
        Map<ResourceType, ResourceBudget> defaults = PlatformBudgets.defaults(total);
        assertEquals(new ResourceBudget(10_066_329, 1_677_721, 75, 90), defaults.get(ResourceType.MEMORY));
        assertEquals(new ResourceBudget(3_355_443, 838_860, 75, 90), defaults.get(ResourceType.HARDWARE));
        assertEquals(2, defaults.size());
    }

    @Test
    void percentagesOfHugeTotalsDoNotOverflow() {
        long total = Long.MAX_VALUE / 2;
        assertEquals(total / 100 * 60 + total % 100 * 60 / 100,
                PlatformBudgets.defaults(total).get(ResourceType.MEMORY).maxBytes());
    }

    @Test
    void eachBudgetNamesItsSourceInTheOrderTheyApply() {
        Budgets budgets = new Budgets(new Ledger(new Reclaimers(), (type, pressure, stats) -> { }));
        long machine = 24L * 1024 * 1024 * 1024;
        budgets.platformDefaults(PlatformBudgets.defaults(machine), PlatformBudgets.sources("host.memory", machine));
        assertEquals("60 % of 24.0 GiB (25,769,803,776 B) reported by host.memory (PlatformInfo.machineMemoryBytes)",
                budgets.source(ResourceType.MEMORY));
        assertEquals("20 % of 24.0 GiB (25,769,803,776 B) reported by host.memory (PlatformInfo.machineMemoryBytes)",
                budgets.source(ResourceType.HARDWARE));
        assertEquals("none set: unlimited", budgets.source(ResourceType.CUSTOM));
        budgets.set(ResourceType.MEMORY, ResourceBudget.of(1000, 0)).orElseThrow();
        assertEquals("ResourceAdministration.setBudget", budgets.source(ResourceType.MEMORY));
    }
}
