package flight.hal.resources.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import flight.hal.resources.ResourceAdministration;

/** Gogo commands of scope {@code hal} over the resource manager. They return text; the shell prints it. */
@Component(service = ResourceCommands.class, property = {
        "osgi.command.scope=hal",
        "osgi.command.function=resources",
        "osgi.command.function=pools"})
public final class ResourceCommands {

    /** The commands are an operator's tool: they see what the administration sees, through the same service. */
    @Reference
    ResourceAdministration administration;

    /** Where the budgets come from, which the administration API does not tell. */
    @Reference
    ResourceAccounting accounting;

    @Descriptor("budgets, usage and pressure per resource type and per bundle, and the most recent leaks")
    public String resources() {
        return ResourceReport.resources(administration, accounting.budgets::source);
    }

    @Descriptor("every pool: owner, block size, blocks used of made and maximum, hits, misses, high-water mark")
    public String pools() {
        return ResourceReport.pools(administration.allPools());
    }
}
