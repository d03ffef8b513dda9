package flight.hal.compliance.internal;

import flight.hal.HalCapability;
import flight.hal.compliance.CheckCategory;
import flight.hal.memory.MemoryDriver;

/** The compliance checks of a memory driver. */
final class MemorySuite implements Suite {

    @Override
    public void run(DriverUnderTest tested, Sla sla, Checks checks) {
        MemoryDriver memory = (MemoryDriver) tested.driver;
        checks.run("interface contract", CheckCategory.CONTRACT,
                () -> DriverContract.check(tested, HalCapability.BASIC_MEMORY));
        new MemoryBasics(memory).run(checks);
        new MemoryErrors(memory).run(checks);
        new MemoryLoad(memory, sla).run(checks);
        new MemoryStress(memory, sla).run(checks);
    }
}
