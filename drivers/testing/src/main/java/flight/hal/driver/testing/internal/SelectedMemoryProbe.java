package flight.hal.driver.testing.internal;

import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import flight.hal.memory.MemoryDriver;

/**
 * A plain DS consumer of the selected memory driver, as an application would write one: a greedy dynamic reference
 * to {@code (hal.selected=true)}. Registered as {@code Supplier<String>} with {@code hal.probe=selected.memory} so a
 * test can ask which driver the framework has bound it to.
 */
@Component(service = Supplier.class, property = "hal.probe=selected.memory")
public class SelectedMemoryProbe implements Supplier<String> {

    @Reference(target = "(hal.selected=true)", policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MemoryDriver memory;

    @Override
    public String get() {
        MemoryDriver bound = memory;
        return bound == null ? "" : bound.name();
    }

}
