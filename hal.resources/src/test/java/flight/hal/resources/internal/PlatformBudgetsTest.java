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
}
