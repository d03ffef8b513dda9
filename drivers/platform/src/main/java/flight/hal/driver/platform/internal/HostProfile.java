package flight.hal.driver.platform.internal;

import java.util.Set;

import flight.hal.PlatformInfo;
import flight.hal.driver.support.HostMachine;
import flight.hal.driver.support.PlatformProfile;

/** The machine the JVM runs on, as the platform drivers report it: they allocate nothing, so no capabilities. */
final class HostProfile {

    private HostProfile() {
    }

    static PlatformProfile current() {
        Runtime runtime = Runtime.getRuntime();
        String architecture = System.getProperty("os.arch", "unknown");
        long machineMemory = HostMachine.memoryBytes();
        PlatformInfo info = new PlatformInfo(System.getProperty("os.name", "unknown"), architecture,
                System.getProperty("os.version", ""), machineMemory, architecture.contains("64") ? 8 : 4,
                runtime.maxMemory(), runtime.availableProcessors(), 0);
        return new PlatformProfile(info, Set.of(), HostMachine.performanceTier(machineMemory));
    }
}
