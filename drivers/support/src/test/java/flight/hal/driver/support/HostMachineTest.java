package flight.hal.driver.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import flight.hal.PerformanceTier;

class HostMachineTest {

    @Test
    void memoryIsTheMachinesNotTheJvmsLimit() {
        long machine = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        assertEquals(machine, HostMachine.memoryBytes());
        assertTrue(HostMachine.memoryBytes() > 0);
    }

    @Test
    void tierFollowsTheMachinesMemoryAndFallsBackToTheJvmsLimit() {
        long gib = 1L << 30;
        assertEquals(PerformanceTier.forTotalMemory(64 * gib), HostMachine.performanceTier(64 * gib));
        assertEquals(PerformanceTier.forTotalMemory(Runtime.getRuntime().maxMemory()), HostMachine.performanceTier(0));
    }
}
