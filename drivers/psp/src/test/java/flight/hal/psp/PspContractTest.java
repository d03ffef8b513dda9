package flight.hal.psp;

import flight.hal.memory.MemoryDriver;
import flight.hal.testkit.MemoryDriverContract;

/** The HAL contracts' properties against the Psp profile's drivers. */
class PspContractTest implements MemoryDriverContract {

    @Override
    public MemoryDriver newMemoryDriver() {
        PspMemoryDriver driver = new PspMemoryDriver();
        driver.initialize().orElseThrow();
        return driver;
    }
}
