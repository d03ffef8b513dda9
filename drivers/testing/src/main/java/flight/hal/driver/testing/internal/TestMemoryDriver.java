package flight.hal.driver.testing.internal;

import org.osgi.service.component.annotations.Component;

import flight.hal.RegisterHalDriver;
import flight.hal.memory.MemoryDriver;

/**
 * The fixed high-ranked test memory driver: a {@link HeapMemoryDriver} whose fault switches come from the configuration
 * of PID {@code flight.hal.test.memory.high}.
 */
@Component(service = MemoryDriver.class, configurationPid = "flight.hal.test.memory.high")
@RegisterHalDriver(hal_interface = MemoryDriver.class, hal_driver_name = "test.memory", service_ranking = 100)
public class TestMemoryDriver extends HeapMemoryDriver {
}
