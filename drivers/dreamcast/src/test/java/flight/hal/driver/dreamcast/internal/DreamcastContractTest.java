package flight.hal.driver.dreamcast.internal;

import flight.hal.HalDriver;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.memory.MemoryDriver;
import flight.hal.testkit.GraphicsDriverContract;
import flight.hal.testkit.MemoryDriverContract;
import flight.hal.testkit.ThreadDriverContract;
import flight.hal.thread.ThreadDriver;

/** The HAL contracts' properties against the Dreamcast profile's drivers. */
class DreamcastContractTest implements MemoryDriverContract, GraphicsDriverContract, ThreadDriverContract {

    @Override
    public MemoryDriver newMemoryDriver() {
        return initialized(new DreamcastMemoryDriver());
    }

    @Override
    public GraphicsDriver newGraphicsDriver() {
        return initialized(new DreamcastGraphicsDriver());
    }

    @Override
    public ThreadDriver newThreadDriver() {
        return initialized(new DreamcastThreadDriver());
    }

    private static <D extends HalDriver> D initialized(D driver) {
        driver.initialize().orElseThrow();
        return driver;
    }
}
