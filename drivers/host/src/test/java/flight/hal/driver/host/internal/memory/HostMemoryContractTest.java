package flight.hal.driver.host.internal.memory;

import flight.hal.memory.MemoryDriver;
import flight.hal.testkit.MemoryDriverContract;

/** The memory contract's properties against the host driver. */
class HostMemoryContractTest implements MemoryDriverContract {

    @Override
    public MemoryDriver newMemoryDriver() {
        return Drivers.initialized();
    }
}
