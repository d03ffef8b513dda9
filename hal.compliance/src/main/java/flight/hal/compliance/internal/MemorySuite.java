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
        checks.run("allocation round trip", CheckCategory.CONTRACT, () -> MemoryBasics.roundTrip(memory));
        checks.run("parameter validation", CheckCategory.VALIDATION, () -> MemoryBasics.validation(memory));
        checks.run("error handling", CheckCategory.ERROR_HANDLING, () -> MemoryErrors.errorHandling(memory));
        checks.run("resource cleanup", CheckCategory.CLEANUP, () -> MemoryErrors.cleanup(memory));
        checks.run("allocation latency", CheckCategory.SLA, () -> MemoryLoad.latency(memory, sla));
        checks.run("concurrent allocate and release", CheckCategory.STRESS, () -> MemoryLoad.concurrency(memory));
        MemoryStress stress = new MemoryStress(memory, sla);
        checks.run("memory efficiency", CheckCategory.SLA, stress::efficiency);
        checks.run("exhaustion and recovery", CheckCategory.STRESS, stress::exhaustion);
        checks.run("memory pressure", CheckCategory.STRESS, stress::pressure);
        checks.run("memory throughput", CheckCategory.SLA, () -> MemoryLevels.throughput(memory, sla));
        checks.run("GC-friendly churn", CheckCategory.SLA, () -> MemoryLevels.gcFriendly(memory, sla));
        checks.soak("long-running stability", CheckCategory.STRESS, () -> MemoryLoad.soak(memory, checks.soak()));
    }
}
