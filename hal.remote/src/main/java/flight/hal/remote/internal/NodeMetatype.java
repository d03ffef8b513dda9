package flight.hal.remote.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The form of the configuration {@code flight.hal.node}: this runtime is a node of a fleet. */
@ObjectClassDefinition(name = "Flight HAL node",
        description = "Makes this runtime a node: its name and the HAL interfaces it exports to the controller"
                + " (README: More than one machine); also needs flight.hal.remote's secret")
@interface NodeMetatype {
    @AttributeDefinition(description = "The node's name; the controller names its devices <name>/<device>")
    String name();

    @AttributeDefinition(description = "The HAL interfaces exported; only flight.hal.storage.BlockDevice for now")
    String[] interfaces() default {"flight.hal.storage.BlockDevice"};
}
