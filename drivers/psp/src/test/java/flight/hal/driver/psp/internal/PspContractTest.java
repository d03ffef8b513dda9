package flight.hal.driver.psp.internal;

import flight.hal.HalDriver;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.memory.MemoryDriver;
import flight.hal.testkit.GraphicsDriverContract;
import flight.hal.testkit.MemoryDriverContract;
import flight.hal.testkit.ThreadDriverContract;
import flight.hal.thread.ThreadDriver;

/** The HAL contracts' properties against the Psp profile's drivers. */
class PspContractTest implements MemoryDriverContract, GraphicsDriverContract, ThreadDriverContract {

    @Override
    public MemoryDriver newMemoryDriver() {
        return initialized(new PspMemoryDriver());
    }

    @Override
    public GraphicsDriver newGraphicsDriver() {
        return initialized(new PspGraphicsDriver());
    }

    @Override
    public ThreadDriver newThreadDriver() {
        return initialized(new PspThreadDriver());
    }

    private static <D extends HalDriver> D initialized(D driver) {
        driver.initialize().orElseThrow();
        return driver;
    }
}
