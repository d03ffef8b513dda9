package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceType;

class ResourcesConfigTest {

    @Test
    void readsTypeAndBundleBudgetsFromNumbersOrText() {
        ResourcesConfig config = ResourcesConfig.from(Map.of(
                "memory.max", 10_000L, "memory.reserved", "1000", "memory.warning", 70, "memory.critical", "95",
                "hardware.max", "5000",
                "bundle.com.example.audio.memory.max", 2000, "bundle.com.example.audio.memory.reserved", 100,
                "service.pid", "flight.hal.resources"));
        assertEquals(new ResourceBudget(10_000, 1000, 70, 95), config.budgets().get(ResourceType.MEMORY));
        assertEquals(ResourceBudget.of(5000, 0), config.budgets().get(ResourceType.HARDWARE));
        assertEquals(Map.of(ResourceType.MEMORY, ResourceBudget.of(2000, 100)),
                config.bundleBudgets().get("com.example.audio"));
        assertEquals(ResourcesConfig.DEFAULT_HYSTERESIS, config.hysteresisPercent());
        assertEquals(LeakTracking.DEFAULT, config.leakTracking());
    }

    @Test
    void ignoresBudgetsThatAreMalformedIncompleteOrInconsistent() {
        ResourcesConfig config = ResourcesConfig.from(Map.of(
                "memory.max", "lots", "hardware.reserved", 5, "custom.max", 100, "custom.reserved", 200,
                "platform.max", 100, "platform.warning", 95, "platform.critical", 90,
                "nonsense.max", 1, "bundle..memory.max", 1, "other.prefix.memory.max", 1));
        assertTrue(config.budgets().isEmpty(), config.budgets().toString());
        assertTrue(config.bundleBudgets().isEmpty(), config.bundleBudgets().toString());
    }

    @Test
    void readsHysteresisAndLeakTrackingAndFallsBackOnBadValues() {
        ResourcesConfig config = ResourcesConfig.from(Map.of("pressure.hysteresis", "10",
                "leak.tracking", "Paranoid", "leak.sampling.interval", 16));
        assertEquals(10, config.hysteresisPercent());
        assertEquals(new LeakTracking(LeakTracking.Mode.PARANOID, 16), config.leakTracking());

        ResourcesConfig bad = ResourcesConfig.from(Map.of("pressure.hysteresis", 80, "leak.tracking", "sometimes",
                "leak.sampling.interval", 0));
        assertEquals(ResourcesConfig.DEFAULT_HYSTERESIS, bad.hysteresisPercent());
        assertEquals(LeakTracking.DEFAULT, bad.leakTracking());
    }
}
