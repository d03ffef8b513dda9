package flight.hal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The Java form of {@code REGISTER_HAL_DRIVER_WITH_PRIORITY}: put it next to {@code @Component} and the driver is
 * registered with its HAL interface, name and priority.
 *
 * <pre>{@code
 * @Component(service = MemoryDriver.class)
 * @RegisterHalDriver(hal_interface = MemoryDriver.class, hal_driver_name = "host.memory", service_ranking = 10)
 * public class HostMemoryDriver implements MemoryDriver { ... }
 * }</pre>
 *
 * <p>The element names follow the Declarative Services rules for component property types: {@code hal_interface}
 * becomes the property {@value HalDriver#INTERFACE_PROPERTY}, {@code service_ranking} becomes {@code service.ranking}.
 * The ranking can be changed at run time through Config Admin (the component's PID), which re-selects.
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
