package flight.hal.driver.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import flight.hal.driver.support.HostMachine;

class HostProfileTest {

    /** Regression: the platform drivers reported the JVM's heap limit as the machine's memory, unlike host.memory. */
    @Test
    void reportsTheMachinesMemoryAsEveryHostDriverDoes() {
        long machine = HostMachine.memoryBytes();
        assertEquals(machine, HostProfile.current().info().machineMemoryBytes());
        assertEquals(HostMachine.performanceTier(machine), HostProfile.current().tier());
    }
}
