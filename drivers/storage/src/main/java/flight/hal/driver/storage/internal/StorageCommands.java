package flight.hal.driver.storage.internal;

import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;
import flight.hal.registry.RoleStatus;
import flight.hal.storage.BlockDevice;

/** Gogo commands of scope {@code hal} over the block devices of every bundle. They return text. */
@Component(service = StorageCommands.class, property = {
        "osgi.command.scope=hal",
        "osgi.command.function=devices",
        "osgi.command.function=zones"})
public final class StorageCommands {

    /** Every block device, without the registry's republication of the selected one. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(hal.selected=*))")
    volatile List<BlockDevice> devices = List.of();

    /** Tells which device each role (a consumer asking for capabilities) chose, when the registry runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile HalRegistry registry;

    @Descriptor("list block devices, all usable by name, with their capabilities, I/O path and counters; + marks a"
            + " device a role (a consumer asking for capabilities) chose")
    public String devices() {
        HalRegistry halRegistry = registry;
        List<RoleStatus> roles = halRegistry == null ? List.of() : halRegistry.status(BlockDevice.class.getName())
                .map(InterfaceStatus::roles).orElse(List.of());
        return DeviceReport.devices(devices, roles);
    }

    @Descriptor("show the zone report of a zoned block device: write pointers and states")
    public String zones(@Descriptor("device name (hal.driver.name)") String deviceName) {
        List<BlockDevice> all = devices;
        return all.stream().filter(device -> device.name().equals(deviceName)).findFirst()
                .map(device -> device.reportZones().map(zones -> DeviceReport.zones(deviceName, zones))
                        .orElseGet(() -> "error: " + device.reportZones().errorOrNull()))
                .orElse("no block device named '" + deviceName + "'; devices: "
                        + all.stream().map(BlockDevice::name).sorted().toList());
    }
}
