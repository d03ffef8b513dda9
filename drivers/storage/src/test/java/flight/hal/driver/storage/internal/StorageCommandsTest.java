package flight.hal.driver.storage.internal;

import static flight.hal.driver.storage.internal.Devices.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flight.hal.HalCapability;
import flight.hal.registry.RoleStatus;

class StorageCommandsTest {

    @TempDir
    Path dir;

    @Test
    void devicesListsEveryDeviceWithCapabilitiesPathAndCounters() {
        StorageCommands commands = new StorageCommands();
        assertTrue(commands.devices().startsWith("no block devices"));
        try (HostBlockDevice file = Devices.open(dir, "plain", DeviceConfig.RANKING, 5);
             HostBlockDevice zoned = Devices.open(dir, "zns", DeviceConfig.KIND, "ZONED",
                     DeviceConfig.ZONE_SIZE_BLOCKS, 32, DeviceConfig.ZONE_COUNT, 3)) {
            file.write(0, pattern(1, 2, 4096)).orElseThrow();
            commands.devices = List.of(file, zoned);
            String text = commands.devices();
            assertTrue(text.matches("(?s).*  plain +5 +4\\.0 KiB \\(4,096 B\\) +64\\.0 MiB \\(67,108,864 B\\) "
                    + "+1\\.0 MiB \\(1,048,576 B\\) +- +64  \\[DISCARD, FUA].*"), text);
            assertTrue(text.matches("(?s).*  zns +0 +4\\.0 KiB \\(4,096 B\\) +384\\.0 KiB \\(393,216 B\\) "
                    + "+1\\.0 MiB \\(1,048,576 B\\) +3x32 +64  \\[FUA, PERSISTENT_WRITE_POINTERS, ZONED].*"), text);
            assertTrue(text.contains("path: FileChannel through the page cache"), text);
            assertTrue(text.contains("available, 16,384 blocks, 1 submitted, 1 completed, 0 failed, 0 rejected, "
                    + "0 throttled, 0 B read, 8.0 KiB (8,192 B) written"), text);
        }
    }

    @Test
    void everyDeviceIsListedAndADeviceARoleChoseIsMarkedWithTheRolesCapabilities() {
        try (HostBlockDevice file = Devices.open(dir, "plain", DeviceConfig.RANKING, 5);
             HostBlockDevice zoned = Devices.open(dir, "zns", DeviceConfig.KIND, "ZONED",
                     DeviceConfig.ZONE_SIZE_BLOCKS, 32, DeviceConfig.ZONE_COUNT, 3)) {
            assertEquals(Set.of(HalCapability.ZONED), zoned.capabilities());
            assertEquals(Set.of(), file.capabilities());
            String text = DeviceReport.devices(List.of(file, zoned),
                    List.of(new RoleStatus(Set.of(HalCapability.ZONED), "zns", "")));
            assertTrue(text.matches("(?s).*\\+ zns +0 +4\\.0 KiB .*"), text);
            assertTrue(text.contains("    chosen for [ZONED]"), text);
            assertTrue(text.matches("(?s).*  plain +5 +4\\.0 KiB .*"), text);
        }
    }

    @Test
    void zonesReportsWritePointersAndStates() {
        StorageCommands commands = new StorageCommands();
        try (HostBlockDevice file = Devices.open(dir, "plain");
             HostBlockDevice zoned = Devices.open(dir, "zns", DeviceConfig.KIND, "ZONED", DeviceConfig.BLOCK_SIZE,
                     512, DeviceConfig.ZONE_SIZE_BLOCKS, 8, DeviceConfig.ZONE_COUNT, 2)) {
            zoned.zoneAppend(8, pattern(1, 3, 512)).orElseThrow();
            commands.devices = List.of(file, zoned);
            assertEquals(String.join(System.lineSeparator(), "zns: 2 zones",
                    "ZONE  START  WP  WRITTEN  CAPACITY  STATE",
                    "----  -----  --  -------  --------  ---------------",
                    "   0      0   0        0         8  EMPTY",
                    "   1      8  11        3         8  IMPLICITLY_OPEN", ""),
                    commands.zones("zns"));
            assertTrue(commands.zones("plain").startsWith("error: UNSUPPORTED_CAPABILITY/zone.not_zoned"));
            assertEquals("no block device named 'ghost'; devices: [plain, zns]", commands.zones("ghost"));
        }
    }
}
