package flight.hal.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The form of PID {@code flight.hal.registry} in a Metatype-aware console. {@link RegistrySettings} and {@link Pins}
 * read the properties; this only describes them. The per-interface keys have names that Metatype cannot list, so
 * the description names their patterns.
 */
@ObjectClassDefinition(name = "Flight HAL driver registry",
        description = "How the registry selects and swaps drivers. Besides the fields below it reads two key patterns "
                + "that a form cannot list; add them to the configuration by hand: pin.<interface>=<driver name> "
                + "selects that driver for the interface (class name or simple name, e.g. pin.MemoryDriver=host.memory"
                + "); require.<interface>=<capability>,... lets only drivers with all those HAL capabilities be "
                + "selected (e.g. require.MemoryDriver=BASIC_MEMORY,DMA). Unknown capabilities are logged and ignored.")
@interface RegistryMetatype {

    @AttributeDefinition(name = "Lease drain timeout (ms)", min = "0",
            description = "How long leaving a driver waits for its open leases to be returned, in milliseconds. A "
                    + "malformed or negative value is logged and the default is used.")
    long lease_drain_timeout_ms() default RegistrySettings.DEFAULT_TIMEOUT_MS;

    @AttributeDefinition(name = "Initialize timeout (ms)", min = "0",
            description = "How long a driver's initialize(), shutdown(), export or adoption may take, in "
                    + "milliseconds. A malformed or negative value is logged and the default is used.")
    long initialize_timeout_ms() default RegistrySettings.DEFAULT_TIMEOUT_MS;

    @AttributeDefinition(name = "Retiring policy", options = {
            @Option(value = "keep", label = "keep: objects of a driver that is left stay usable until released"),
            @Option(value = "drop", label = "drop: a driver that is left is shut down at once, its objects dropped")},
            description = "What happens to the objects handed out by a driver the registry leaves (swap, unpin, "
                    + "failure). Any other value is logged and treated as keep.")
    String retiring_policy() default "keep";
}
