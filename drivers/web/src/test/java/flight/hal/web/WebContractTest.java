package flight.hal.web;

import flight.hal.memory.MemoryDriver;
import flight.hal.testkit.MemoryDriverContract;

/** The HAL contracts' properties against the Web profile's drivers. */
class WebContractTest implements MemoryDriverContract {

    @Override
    public MemoryDriver newMemoryDriver() {
        WebMemoryDriver driver = new WebMemoryDriver();
        driver.initialize().orElseThrow();
        return driver;
    }
}
