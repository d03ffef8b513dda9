package flight.hal.storage.host;

import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;
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

    /** Tells which device is selected, when the registry runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile HalRegistry registry;

    @Descriptor("list block devices with their capabilities, I/O path and counters; * marks the selected one")
    public String devices() {
        HalRegistry halRegistry = registry;
        String selected = halRegistry == null ? null : halRegistry.status(BlockDevice.class.getName())
                .flatMap(InterfaceStatus::selectedDriver).orElse(null);
        return DeviceReport.devices(devices, selected);
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
