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
        GraphicsChecks basics = new GraphicsChecks(graphics);
        checks.run("drawing round trip", CheckCategory.CONTRACT, basics::drawing);
        checks.run("parameter validation", CheckCategory.VALIDATION, basics::validation);
        checks.run("error handling", CheckCategory.ERROR_HANDLING, basics::errorHandling);
        checks.run("resource cleanup", CheckCategory.CLEANUP, basics::cleanup);
        GraphicsStress stress = new GraphicsStress(graphics, memory);
        checks.run("buffer over a memory allocation", CheckCategory.CONTRACT, stress::sharedMemory);
        checks.run("exhaustion and recovery", CheckCategory.STRESS, stress::exhaustion);
        checks.run("concurrent drawing", CheckCategory.STRESS, stress::concurrency);
    }
}
