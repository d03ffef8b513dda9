package flight.hal.driver.host.internal.memory;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The form of PID {@code flight.hal.host.memory} in a Metatype-aware console; {@link HostMemoryConfig} reads it. */
@ObjectClassDefinition(name = "Flight HAL host memory driver",
        description = "The MemoryDriver of the host JVM (host.memory).")
@interface HostMemoryMetatype {

    @AttributeDefinition(name = "Ranking", description = "service.ranking: the driver's HAL priority among memory "
            + "drivers; the highest available one is selected. Changing it may swap the selected driver at once.")
    int service_ranking() default HostMemoryDriver.RANKING;

    @AttributeDefinition(name = "Largest allocation (bytes)", required = false, min = "1",
            description = "max.allocation.bytes: a lower cap on a single allocation, in bytes. Empty: only the "
                    + "driver's own limit. A malformed or non-positive value is logged and ignored.")
    long max_allocation_bytes();
}
