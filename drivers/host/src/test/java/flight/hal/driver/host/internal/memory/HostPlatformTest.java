package flight.hal.driver.host.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import flight.hal.HalCapability;
import flight.hal.PlatformInfo;

class HostPlatformTest {

    @Test
    void pageSizeComesFromTheFirstKernelPageSizeLine() {
        assertEquals(4096, HostPlatform.parsePageSize(Stream.of(
                "7f0000000000-7f0000021000 rw-p 00000000 00:00 0",
                "Size:                132 kB",
                "KernelPageSize:        4 kB",
                "MMUPageSize:           4 kB",
                "KernelPageSize:     2048 kB")));
        assertEquals(2048 * 1024, HostPlatform.parsePageSize(Stream.of("KernelPageSize:     2048 kB")));
    }

    @Test
    void missingOrMalformedPageSizeIsZero() {
        assertEquals(0, HostPlatform.parsePageSize(Stream.of("Size: 4 kB", "MMUPageSize: 4 kB")));
        assertEquals(0, HostPlatform.parsePageSize(Stream.empty()));
        assertEquals(0, HostPlatform.parsePageSize(Stream.of("KernelPageSize: four kB")));
        assertEquals(0, HostPlatform.parsePageSize(Stream.of("KernelPageSize: 4")));
    }

    @Test
    void realPlatformInfoDescribesThisMachine() {
        PlatformInfo info = new HostPlatform().info(1234);
        assertFalse(info.platformName().isBlank());
        assertFalse(info.architecture().isBlank());
        assertTrue(info.cpuCores() >= 1);
        assertEquals(Runtime.getRuntime().availableProcessors(), info.cpuCores());
        assertEquals(1234, info.maxAllocationSize());
        assertEquals(info.architecture().contains("64") ? 8 : 4, info.memoryAlignment());
        if (info.platformName().startsWith("Linux")) {
            assertTrue(info.pageSize() >= 4096, "page size " + info.pageSize());
            assertTrue(info.machineMemoryBytes() > 0);
        }
    }

    @Test
    void driverReportsTheHostsCapabilities() {
        HostMemoryDriver driver = new HostMemoryDriver();
        driver.configure(Map.of("service.ranking", 10));
        assertEquals("host.memory", driver.name());
        assertEquals("1.0.0", driver.version());
        assertTrue(driver.capabilities().containsAll(java.util.EnumSet.of(HalCapability.BASIC_MEMORY,
                HalCapability.VIRTUAL_MEMORY, HalCapability.MEMORY_MAPPING, HalCapability.THREADING)));
        assertEquals(Runtime.getRuntime().availableProcessors() >= 2, driver.supports(HalCapability.DUAL_CORE));
        assertFalse(driver.supports(HalCapability.EXECUTABLE_MEMORY));
        assertEquals(driver.maxAllocationSize(), driver.platformInfo().maxAllocationSize());
        assertTrue(driver.performanceTier() != null);
    }
}
