package flight.hal.driver.web.internal;

import flight.hal.HalDriver;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.memory.MemoryDriver;
import flight.hal.testkit.GraphicsDriverContract;
import flight.hal.testkit.MemoryDriverContract;
import flight.hal.testkit.ThreadDriverContract;
import flight.hal.thread.ThreadDriver;

/** The HAL contracts' properties against the Web profile's drivers. */
class WebContractTest implements MemoryDriverContract, GraphicsDriverContract, ThreadDriverContract {

    @Override
    public MemoryDriver newMemoryDriver() {
        return initialized(new WebMemoryDriver());
    }

    @Override
    public GraphicsDriver newGraphicsDriver() {
        return initialized(new WebGraphicsDriver());
    }

    @Override
    public ThreadDriver newThreadDriver() {
        return initialized(new WebThreadDriver());
    }

    private static <D extends HalDriver> D initialized(D driver) {
        driver.initialize().orElseThrow();
        return driver;
    }
}
