package flight.hal.resources.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The form of PID {@code flight.hal.resources} in a Metatype-aware console. {@link ResourcesConfig} and
 * {@link AdministrationGate} read the properties; this only describes them. The memory budget is offered as fields;
 * the other types' and the per-bundle budgets follow a key pattern the description names.
 */
@ObjectClassDefinition(name = "Flight HAL resource manager",
        description = "Budgets, pressure levels, leak tracking and who may administer the manager. Without a "
                + "configured budget, memory gets 60 % of the memory driver's total (10 % reserved) and hardware 20 % "
                + "(5 % reserved), other types are unlimited. Budgets of other types and of single bundles are keys "
                + "a form cannot list; add them by hand: <type>.max, <type>.reserved, <type>.warning, "
                + "<type>.critical for type hardware, memory, performance, communication, platform or custom, and "
                + "bundle.<symbolic name>.<type>.max and so on for one bundle's own budget. A budget needs its .max; "
                + "malformed values are logged and ignored.")
@interface ResourcesMetatype {

    @AttributeDefinition(name = "Memory budget (bytes)", required = false, min = "0",
            description = "memory.max: the most memory all bundles together may hold, in bytes. Empty: 60 % of the "
                    + "selected memory driver's total.")
    long memory_max();

    @AttributeDefinition(name = "Memory reserved (bytes)", required = false, min = "0",
            description = "memory.reserved: bytes of the memory budget kept for emergency acquisitions; 0 when "
                    + "memory.max is set without it. Used only with memory.max.")
    long memory_reserved();

    @AttributeDefinition(name = "Memory warning level (%)", required = false, min = "0", max = "100",
            description = "memory.warning: usage, in percent of memory.max, at which pressure becomes WARNING; 75 "
                    + "when memory.max is set without it. Used only with memory.max.")
    int memory_warning();

    @AttributeDefinition(name = "Memory critical level (%)", required = false, min = "0", max = "100",
            description = "memory.critical: usage, in percent of memory.max, at which pressure becomes CRITICAL; 90 "
                    + "when memory.max is set without it. Used only with memory.max.")
    int memory_critical();

    @AttributeDefinition(name = "Pressure hysteresis (percentage points)", min = "0", max = "50",
            description = "How far, in percentage points, usage must fall below a level's entry point before the "
                    + "pressure level drops again.")
    int pressure_hysteresis() default ResourcesConfig.DEFAULT_HYSTERESIS;

    @AttributeDefinition(name = "Leak tracking", options = {
            @Option(value = "disabled", label = "disabled: no acquisition sites are recorded"),
            @Option(value = "sampled", label = "sampled: one acquisition in leak.sampling.interval is recorded"),
            @Option(value = "paranoid", label = "paranoid: every acquisition is recorded")},
            description = "Which acquisitions record where they were made, so a leak names its acquisition site.")
    String leak_tracking() default "sampled";

    @AttributeDefinition(name = "Leak sampling interval", min = "1",
            description = "With sampled leak tracking, one acquisition in how many is recorded.")
    int leak_sampling_interval() default 128;

    @AttributeDefinition(name = "Administrator bundles", required = false, cardinality = Integer.MAX_VALUE,
            description = "Symbolic names of the bundles that get the ResourceAdministration service (set budgets, "
                    + "see every bundle's usage, pools and leaks), besides the manager's own bundle. Each entry may "
                    + "also be a comma-separated list. Changing it revokes the service from every holder.")
    String[] admin_bundles();
}
