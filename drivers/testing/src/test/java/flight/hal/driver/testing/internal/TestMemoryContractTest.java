package flight.hal.driver.testing.internal;

import java.util.Map;

import flight.hal.HalDriver;
import flight.hal.memory.MemoryDriver;
import flight.hal.testkit.MemoryDriverContract;

/** The memory contract's properties against the heap test driver. */
class TestMemoryContractTest implements MemoryDriverContract {

    @Override
    public MemoryDriver newMemoryDriver() {
        TestMemoryDriver driver = new TestMemoryDriver();
        driver.configure(Map.of(HalDriver.NAME_PROPERTY, "test.memory"));
        driver.initialize().orElseThrow();
        return driver;
    }
}
