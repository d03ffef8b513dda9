package flight.hal.console.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import flight.hal.HalResult;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.ZoneInfo;

import jakarta.servlet.Servlet;

/** The Devices page: every block device with capabilities, counters, throughput and, when zoned, its zone map. */
@Component(service = Servlet.class, property = {
        ServletConstants.PLUGIN_LABEL + "=" + DevicesPlugin.LABEL,
        ServletConstants.PLUGIN_TITLE + "=Devices",
        ServletConstants.PLUGIN_CATEGORY + "=" + DriversPlugin.CATEGORY})
public final class DevicesPlugin extends HalPage {
    private static final long serialVersionUID = 1L;
    static final String LABEL = "hal-devices";
    /** How long the page waits for one answer of a device before showing it as an error. */
    static final Duration CALL_BOUND = Duration.ofSeconds(2);

    /** Every block device, without the registry's republication of a selected one. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(hal.selected=*))")
    transient volatile List<BlockDevice> devices = List.of();

    private final transient DriverCalls calls = new DriverCalls(CALL_BOUND);
    private final transient DeviceRates rates = new DeviceRates();

    public DevicesPlugin() {
        super(LABEL);
    }

    @Deactivate
    void deactivate() {
        calls.close();
    }

    @Override
    String fragment() {
        List<BlockDevice> now = devices;
        List<DevicesPage.DeviceView> views = now.stream().map(this::view)
                .sorted(Comparator.comparing(DevicesPage.DeviceView::name)).toList();
        rates.retain(views.stream().map(DevicesPage.DeviceView::name).collect(Collectors.toSet()));
        return DevicesPage.render(views);
    }

    DevicesPage.DeviceView view(BlockDevice device) {
        String name = calls.call(device, "name()", device::name).orElse("(a device whose name() failed)");
        HalResult<Boolean> available = calls.call(device, name + ": isAvailable()", device::isAvailable);
        HalResult<DeviceCapabilities> capabilities = calls.call(device, name + ": deviceCapabilities()",
                device::deviceCapabilities);
        HalResult<DeviceStats> stats = calls.call(device, name + ": stats()", device::stats);
        Optional<DeviceRates.Rates> deviceRates = stats.isOk()
                ? rates.update(name, stats.valueOrNull(), System.nanoTime()) : Optional.empty();
        boolean zoned = capabilities.isOk() && capabilities.valueOrNull().has(DeviceFeature.ZONED);
        Optional<HalResult<List<ZoneInfo>>> zones = zoned
                ? Optional.of(calls.call(device, name + ": reportZones()", device::reportZones)
                        .flatMap(report -> report))
                : Optional.empty();
        return new DevicesPage.DeviceView(name, available, capabilities, stats, deviceRates, zones);
    }
}
