package flight.hal.compliance.internal;

import flight.hal.compliance.CheckCategory;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.memory.MemoryDriver;
import flight.hal.registry.DriverHandle;

/** The compliance checks of a graphics driver. */
final class GraphicsSuite implements Suite {
    private final DriverHandle<MemoryDriver> memory;

    /** @param memory the selected memory driver, for the buffer over a memory allocation */
    GraphicsSuite(DriverHandle<MemoryDriver> memory) {
        this.memory = memory;
    }

    @Override
    public void run(DriverUnderTest tested, Sla sla, Checks checks) {
        GraphicsDriver graphics = (GraphicsDriver) tested.driver;
        checks.run("interface contract", CheckCategory.CONTRACT, () -> {
            Outcome identity = DriverContract.check(tested, null);
            Expect.that(graphics.limits() != null, "limits() is null");
            return identity;
        });
        if (graphics.limits() == null) {
            return;
        }
        new GraphicsChecks(graphics).run(checks);
        new GraphicsStress(graphics, memory).run(checks);
    }
}
