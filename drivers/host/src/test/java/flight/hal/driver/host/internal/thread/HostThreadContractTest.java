package flight.hal.driver.host.internal.thread;

import flight.hal.testkit.ThreadDriverContract;
import flight.hal.thread.ThreadDriver;

/** The threading contract's properties against the host driver. */
class HostThreadContractTest implements ThreadDriverContract {

    @Override
    public ThreadDriver newThreadDriver() {
        HostThreadDriver driver = new HostThreadDriver();
        driver.initialize().orElseThrow();
        return driver;
    }
}
