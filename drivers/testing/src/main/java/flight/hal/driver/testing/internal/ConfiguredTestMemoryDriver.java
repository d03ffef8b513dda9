package flight.hal.driver.testing.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import flight.hal.RegisterHalDriver;
import flight.hal.memory.MemoryDriver;

/**
 * One test memory driver per factory configuration of PID {@value #FACTORY_PID}; the configuration gives
 * {@code hal.driver.name}, {@code service.ranking} (overriding the defaults below) and the fault switches of
 * {@link HeapMemoryDriver}. A changed configuration modifies the instance in place, as {@link HeapMemoryDriver}
 * declares.
 */
@Component(service = MemoryDriver.class, configurationPid = ConfiguredTestMemoryDriver.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@RegisterHalDriver(hal_interface = MemoryDriver.class, hal_driver_name = "test.memory.configured")
public class ConfiguredTestMemoryDriver extends HeapMemoryDriver {
    static final String FACTORY_PID = "flight.hal.test.memory";
}
