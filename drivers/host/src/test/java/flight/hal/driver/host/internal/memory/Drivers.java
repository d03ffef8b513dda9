package flight.hal.driver.host.internal.memory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;

/** Test helpers: drivers as DS would activate them, and the category of an error result. */
final class Drivers {

    private Drivers() {
    }

    /** A driver activated with {@code properties} and initialized. */
    static HostMemoryDriver initialized(Map<String, Object> properties) {
        HostMemoryDriver driver = new HostMemoryDriver();
        driver.configure(properties);
        assertTrue(driver.initialize().isOk());
        return driver;
    }

    /** A driver activated with the ranking its annotation declares, and initialized. */
    static HostMemoryDriver initialized() {
        return initialized(Map.of("service.ranking", 10));
    }

    /** The category of an error result; fails when the result is a success. */
    static ErrorCategory category(HalResult<?> result) {
        assertTrue(result.isErr(), () -> "expected an error, got " + result);
        return result.errorOrNull().category();
    }
}
