package flight.hal.driver.storage.internal;

import java.util.List;
import java.util.Locale;

import flight.hal.registry.RoleStatus;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.ZoneInfo;

/** Plain-text tables of block devices and zones for the shell. */
final class DeviceReport {
    private static final String DEVICE_ROW = "%s %-20s %8s %6s %12s %10s %10s %6s  %s%n";
    private static final String ZONE_ROW = "%6s %12s %12s %10s %10s  %s%n";

    private DeviceReport() {
    }

    /**
     * One line per device, with its capabilities, I/O path and counters; {@code +} marks a device one of
     * {@code roles} chose, and a line under it says for which capabilities. Every device is usable by name.
     */
    static String devices(List<BlockDevice> devices, List<RoleStatus> roles) {
        if (devices.isEmpty()) {
            return "no block devices; create one with a factory configuration of " + HostBlockDevice.FACTORY_PID;
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, DEVICE_ROW, " ", "DEVICE", "RANKING",
                "BLOCK", "BLOCKS", "MAX XFER", "ZONES", "QUEUE", "FEATURES"));
        for (BlockDevice device : devices) {
            DeviceCapabilities caps = device.deviceCapabilities();
            List<String> chosenFor = roles.stream().filter(role -> device.name().equals(role.selected()))
                    .map(role -> role.required().stream().map(Enum::name).sorted().toList().toString()).toList();
            text.append(String.format(Locale.ROOT, DEVICE_ROW, chosenFor.isEmpty() ? " " : "+",
                    device.name(), device instanceof HostBlockDevice host ? host.ranking() : "-",
                    caps.logicalBlockSize(), caps.capacityBlocks(),
                    caps.maxTransferBytes(), caps.zoneCount() == 0 ? "-" : caps.zoneCount() + "x"
                            + caps.zoneSizeBlocks(), caps.queueDepth(),
                    caps.features().stream().map(Enum::name).sorted().toList()));
            if (!chosenFor.isEmpty()) {
                text.append("    chosen for ").append(String.join(", ", chosenFor)).append(System.lineSeparator());
            }
            if (device instanceof HostBlockDevice host) {
                text.append("    path: ").append(host.ioPath()).append(System.lineSeparator());
            }
            DeviceStats stats = device.stats();
            text.append(String.format(Locale.ROOT, "    %s, %d submitted, %d completed, %d failed, %d rejected, "
                            + "%d throttled, %d bytes read, %d written%n", device.isAvailable() ? "available"
                            : "UNAVAILABLE", stats.submitted(), stats.completed(), stats.failed(), stats.rejected(),
                    stats.throttled(), stats.bytesRead(), stats.bytesWritten()));
        }
        return text.toString();
    }

    /** The zone report of one device. */
    static String zones(String device, List<ZoneInfo> zones) {
        StringBuilder text = new StringBuilder(device).append(": ").append(zones.size()).append(" zones")
                .append(System.lineSeparator());
        text.append(String.format(Locale.ROOT, ZONE_ROW, "ZONE", "START", "WP", "WRITTEN", "CAPACITY", "STATE"));
        for (ZoneInfo zone : zones) {
            text.append(String.format(Locale.ROOT, ZONE_ROW, zone.index(), zone.startLba(), zone.writePointer(),
                    zone.writtenBlocks(), zone.capacityBlocks(), zone.state()));
        }
        return text.toString();
    }
}
