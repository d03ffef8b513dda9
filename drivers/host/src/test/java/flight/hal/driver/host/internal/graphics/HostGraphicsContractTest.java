package flight.hal.driver.host.internal.graphics;

import flight.hal.graphics.GraphicsDriver;
import flight.hal.driver.host.internal.memory.HostMemoryDriver;
import flight.hal.testkit.GraphicsDriverContract;

/** The graphics contract's properties against the host driver, which has no texture memory limit. */
class HostGraphicsContractTest implements GraphicsDriverContract {

    @Override
    public GraphicsDriver newGraphicsDriver() {
        HostGraphicsDriver driver = new HostGraphicsDriver();
        driver.hostMemory = new HostMemoryDriver();
        driver.initialize().orElseThrow();
        return driver;
    }
}
