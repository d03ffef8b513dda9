package flight.hal;

import java.util.Objects;

/**
 * What a driver knows of the platform it drives.
 *
 * @param platformName      platform, e.g. {@code "Linux"} or {@code "Sega Dreamcast"}
 * @param architecture      processor architecture, e.g. {@code "amd64"} or {@code "SH-4"}
 * @param osVersion         operating system or firmware version; empty when unknown
 * @param machineMemoryBytes the memory of the machine or platform the driver runs on (or the platform a profile
 *                          emulates), in bytes; 0 when unknown. Not the driver's capacity (that is
 *                          {@code maxAllocationSize} and the driver's own stats): the resource manager sizes every
 *                          bundle's memory budgets from the selected memory driver's value (60 % of it for memory,
 *                          {@code hal:resources} shows the source), so a driver that does not know the machine's memory
 *                          reports 0, never a guess
 * @param memoryAlignment   the platform's natural alignment in bytes (a power of two)
 * @param maxAllocationSize the largest single allocation in bytes
 * @param cpuCores          processors available to the driver
 * @param pageSize          virtual memory page size in bytes; 0 when the platform does not tell
 */
public record PlatformInfo(String platformName, String architecture, String osVersion, long machineMemoryBytes,
                           int memoryAlignment, long maxAllocationSize, int cpuCores, long pageSize) {

    public PlatformInfo {
        Objects.requireNonNull(platformName, "platformName");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(osVersion, "osVersion");
        if (machineMemoryBytes < 0 || maxAllocationSize < 0 || cpuCores < 1 || pageSize < 0) {
            throw new IllegalArgumentException("negative sizes or no processor in platform info");
        }
        if (!PowerOfTwo.is(memoryAlignment)) {
            throw new IllegalArgumentException("memory alignment must be a power of two: " + memoryAlignment);
        }
    }
}
