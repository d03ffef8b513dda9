package flight.hal.compliance.internal;

import java.util.concurrent.atomic.AtomicReference;

import flight.hal.compliance.CheckCategory;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.graphics.GraphicsLimits;
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
        AtomicReference<GraphicsLimits> described = new AtomicReference<>();
        checks.run("interface contract", CheckCategory.CONTRACT, () -> {
            Outcome identity = DriverContract.check(tested, null);
            GraphicsLimits limits = graphics.limits();
            Expect.that(limits != null, "limits() is null");
            Expect.that(limits.maxWidth() > 0 && limits.maxHeight() > 0, "limits() allow no pixel: "
                    + limits.maxWidth() + "x" + limits.maxHeight());
            Expect.that(limits.formats().stream().anyMatch(Colours::drawable), "limits() name no format of "
                    + Colours.PREFERENCE + ": the kit has nothing to draw in");
            described.set(limits);
            return identity;
        });
        GraphicsLimits limits = described.get();
        if (limits == null) {
            return; // the contract check failed and said why; nothing else can be drawn
        }
        GraphicsChecks basics = new GraphicsChecks(graphics, limits);
        checks.run("drawing round trip", CheckCategory.CONTRACT, basics::drawing);
        checks.run("parameter validation", CheckCategory.VALIDATION, basics::validation);
        checks.run("error handling", CheckCategory.ERROR_HANDLING, basics::errorHandling);
        checks.run("resource cleanup", CheckCategory.CLEANUP, basics::cleanup);
        GraphicsStress stress = new GraphicsStress(graphics, limits, memory);
        checks.run("buffer over a memory allocation", CheckCategory.CONTRACT, stress::sharedMemory);
        checks.run("exhaustion and recovery", CheckCategory.STRESS, stress::exhaustion);
        checks.run("concurrent drawing", CheckCategory.STRESS, stress::concurrency);
        checks.soak("long-running stability", CheckCategory.STRESS, () -> stress.soak(checks.soak()));
    }
}
