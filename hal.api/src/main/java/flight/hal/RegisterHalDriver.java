package flight.hal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The Java form of {@code REGISTER_HAL_DRIVER_WITH_PRIORITY}, and the one way to register a driver: put it next to
 * {@code @Component} and the driver is registered with its HAL interface, name and priority. Drivers made from
 * factory configurations carry it too; their configuration's {@code hal.driver.name} and {@code service.ranking}
 * override the defaults given here, as configuration properties override component properties.
 *
 * <pre>{@code
 * @Component(service = MemoryDriver.class)
 * @RegisterHalDriver(hal_interface = MemoryDriver.class, hal_driver_name = "host.memory", service_ranking = 10)
 * public class HostMemoryDriver implements MemoryDriver { ... }
 * }</pre>
 *
 * <p>The element names follow the Declarative Services rules for component property types: {@code hal_interface}
 * becomes the property {@value HalDriver#INTERFACE_PROPERTY}, {@code service_ranking} becomes {@code service.ranking}.
 * The ranking is the driver's priority, and the only one: the registry reads nothing else. It can be changed at run
 * time through Config Admin (the component's PID), which re-selects; a driver with a {@code @Modified} method (the
 * support library's {@code DriverBase} has one) keeps its state through the change, one without is re-activated.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RegisterHalDriver {

    /** The HAL interface the driver implements and is registered under. */
    Class<? extends HalDriver> hal_interface();

    /** The driver's name, unique among the drivers of its interface. */
    String hal_driver_name();

    /** The HAL priority; higher wins. */
    int service_ranking() default 0;
}
