package flight.hal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a HAL interface whose drivers are not alternatives of one another but things used side by side, each by its
 * {@value HalDriver#NAME_PROPERTY} — two block devices are two disks, not a disk and its spare. The registry then
 * initializes every available driver of the interface and describes it as
 * {@link flight.hal.registry.DriverState#AVAILABLE}; it selects none for the plain handle and republishes none as
 * {@value HalDriver#SELECTED_PROPERTY}. Selection by ranking applies only where a consumer asks for a role
 * ({@code HalRegistry.handle(interface, capabilities)}): the best-ranked driver having those capabilities.
 *
 * <p>Declared on the interface, not by each driver, because it is what the interface means: every driver of it,
 * whoever wrote it, is treated alike. Read at run time by the registry, hence the runtime retention.
 *
 * @since 1.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NonExclusive {
}
