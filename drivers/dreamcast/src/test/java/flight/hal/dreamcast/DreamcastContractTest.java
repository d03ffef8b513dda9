package flight.hal.dreamcast;

import flight.hal.memory.MemoryDriver;
import flight.hal.testkit.MemoryDriverContract;

/** The HAL contracts' properties against the Dreamcast profile's drivers. */
class DreamcastContractTest implements MemoryDriverContract {

    @Override
    public MemoryDriver newMemoryDriver() {
        DreamcastMemoryDriver driver = new DreamcastMemoryDriver();
        driver.initialize().orElseThrow();
        return driver;
    }
}
