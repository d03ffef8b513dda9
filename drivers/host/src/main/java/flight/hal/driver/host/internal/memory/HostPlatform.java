package flight.hal.driver.host.internal.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import flight.hal.PlatformInfo;
import flight.hal.driver.support.HostMachine;

/** What the JVM can learn of the machine it runs on: names, memory, processors and page size. */
final class HostPlatform {

    private static final Path SMAPS = Path.of("/proc/self/smaps");
    private static final String PAGE_SIZE_KEY = "KernelPageSize:";

    private final String platformName = System.getProperty("os.name", "unknown");
    private final String architecture = System.getProperty("os.arch", "unknown");
    private final String osVersion = System.getProperty("os.version", "");
    /** Fixed for the life of the process; read once because reading smaps is not free. */
    private final long totalMemory = HostMachine.memoryBytes();
    private final long pageSize = platformName.startsWith("Linux") ? readLinuxPageSize() : 0;

    /** The platform info, with the processors available now and the driver's current allocation limit. */
    PlatformInfo info(long maxAllocationSize) {
        int alignment = architecture.contains("64") ? 8 : 4;
        return new PlatformInfo(platformName, architecture, osVersion, totalMemory, alignment, maxAllocationSize,
                Runtime.getRuntime().availableProcessors(), pageSize);
    }

    /** The machine's physical memory in bytes; 0 when the JVM does not tell. */
    long totalMemory() {
        return totalMemory;
    }

    private static long readLinuxPageSize() {
        try (Stream<String> lines = Files.lines(SMAPS)) {
            return parsePageSize(lines);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return 0;
        }
    }

    /**
     * The page size in bytes from the first {@code KernelPageSize:} line of smaps-formatted {@code lines}
     * ({@code "KernelPageSize:        4 kB"} is 4096); 0 when there is no such line or it is malformed.
     */
    static long parsePageSize(Stream<String> lines) {
        return lines.filter(line -> line.startsWith(PAGE_SIZE_KEY))
                .findFirst()
                .map(line -> parseKilobytes(line.substring(PAGE_SIZE_KEY.length())))
                .orElse(0L);
    }

    private static long parseKilobytes(String value) {
        String[] parts = value.trim().split("\\s+");
        if (parts.length != 2 || !parts[1].equalsIgnoreCase("kB")) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(parts[0]) * 1024);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
