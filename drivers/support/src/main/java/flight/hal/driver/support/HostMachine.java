package flight.hal.driver.support;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;

import flight.hal.PerformanceTier;

/**
 * The machine the JVM runs on, as every host driver reports it, so that the drivers of one machine agree on its
 * memory and tier whatever their interface.
 */
public final class HostMachine {

    private static final String OPERATING_SYSTEM_MBEAN = "java.lang:type=OperatingSystem";
    private static final String TOTAL_MEMORY_ATTRIBUTE = "TotalMemorySize";

    private HostMachine() {
    }

    /**
     * The machine's physical memory in bytes (what {@link flight.hal.PlatformInfo#machineMemoryBytes()} carries);
     * 0 when the JVM does not tell. Read through the platform MBean server, so no {@code com.sun} import is needed.
     */
    public static long memoryBytes() {
        try {
            Object value = ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName(OPERATING_SYSTEM_MBEAN), TOTAL_MEMORY_ATTRIBUTE);
            return value instanceof Number number ? Math.max(0, number.longValue()) : 0;
        } catch (JMException | RuntimeException e) {
            return 0;
        }
    }

    /** The tier of a machine with {@code memoryBytes} of memory, the JVM's limit standing in when that is 0. */
    public static PerformanceTier performanceTier(long memoryBytes) {
        return PerformanceTier.forTotalMemory(memoryBytes > 0 ? memoryBytes : Runtime.getRuntime().maxMemory());
    }
}
