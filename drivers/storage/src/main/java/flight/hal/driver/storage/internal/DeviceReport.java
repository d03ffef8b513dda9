package flight.hal.driver.storage.internal;

import java.util.List;
import java.util.Locale;

import flight.hal.registry.RoleStatus;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.ZoneInfo;
import flight.hal.shell.format.Sizes;
import flight.hal.shell.format.Table;

/** Plain-text tables of block devices and zones for the shell. */
final class DeviceReport {

    private DeviceReport() {
    }

    /**
     * One row per device, with its capabilities, and under it its I/O path and counters; {@code +} marks a device one
     * of {@code roles} chose, and a line under it says for which capabilities. Every device is usable by name.
     */
    static String devices(List<BlockDevice> devices, List<RoleStatus> roles) {
        if (devices.isEmpty()) {
            return "no block devices; create one with a factory configuration of " + HostBlockDevice.FACTORY_PID;
        }
        Table table = Table.of("  DEVICE", "RANKING", "BLOCK", "CAPACITY", "MAX XFER", "ZONES", "QUEUE", "FEATURES")
                .right(1, 2, 3, 4, 6);
        for (BlockDevice device : devices) {
            DeviceCapabilities caps = device.deviceCapabilities();
            List<String> chosenFor = roles.stream().filter(role -> device.name().equals(role.selected()))
                    .map(role -> role.required().stream().map(Enum::name).sorted().toList().toString()).toList();
            table.row((chosenFor.isEmpty() ? "  " : "+ ") + device.name(),
                    device instanceof HostBlockDevice host ? host.ranking() : "-", Sizes.of(caps.logicalBlockSize()),
                    Sizes.of(caps.capacityBlocks() * caps.logicalBlockSize()), Sizes.of(caps.maxTransferBytes()),
                    caps.zoneCount() == 0 ? "-" : caps.zoneCount() + "x" + caps.zoneSizeBlocks(), caps.queueDepth(),
                    caps.features().stream().map(Enum::name).sorted().toList());
            if (!chosenFor.isEmpty()) {
                table.note("    ", "chosen for " + String.join(", ", chosenFor));
            }
            if (device instanceof HostBlockDevice host) {
                table.note("    ", "path: " + host.ioPath());
            }
            DeviceStats stats = device.stats();
            table.note("    ", String.format(Locale.ROOT, "%s, %,d blocks, %,d submitted, %,d completed, %,d failed, "
                            + "%,d rejected, %,d throttled, %s read, %s written", device.isAvailable() ? "available"
                            : "UNAVAILABLE", caps.capacityBlocks(), stats.submitted(), stats.completed(),
                    stats.failed(), stats.rejected(), stats.throttled(), Sizes.of(stats.bytesRead()),
                    Sizes.of(stats.bytesWritten())));
        }
        return table.render();
    }

    /** The zone report of one device. */
    static String zones(String device, List<ZoneInfo> zones) {
        Table table = Table.of("ZONE", "START", "WP", "WRITTEN", "CAPACITY", "STATE").right(0, 1, 2, 3, 4);
        for (ZoneInfo zone : zones) {
            table.row(zone.index(), zone.startLba(), zone.writePointer(), zone.writtenBlocks(), zone.capacityBlocks(),
                    zone.state());
        }
        return device + ": " + zones.size() + " zones" + System.lineSeparator() + table.render();
    }
}
