package flight.hal.testing;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;

import flight.hal.memory.MemoryDriver;

/**
 * One test memory driver per factory configuration of PID {@value #FACTORY_PID}; the configuration gives
 * {@code hal.driver.name}, {@code service.ranking} and the fault switches of {@link TestMemoryDriver}.
 */
@Component(service = MemoryDriver.class, configurationPid = ConfiguredTestMemoryDriver.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = "hal.interface=flight.hal.memory.MemoryDriver")
public class ConfiguredTestMemoryDriver extends TestMemoryDriver {
    static final String FACTORY_PID = "flight.hal.test.memory";

    /** Declared again: DS reads lifecycle annotations from the component class only, not its superclass. */
    @Override
    @Activate
    @Modified
    void configure(Map<String, Object> componentProperties) {
        super.configure(componentProperties);
    }
}
