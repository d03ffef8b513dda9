package flight.hal.console.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import flight.hal.HalResult;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.ZoneInfo;

/** The Devices page's live content: every block device, and a zone map for the zoned ones. */
final class DevicesPage {
    /** Zones drawn per device; a larger device's map says how many more there are. */
    static final int MAX_ZONES_DRAWN = 1024;

    private DevicesPage() {
    }

    /**
     * One device as read for the page; every call into the driver is a result, so a broken driver shows as an error.
     *
     * @param zones the zone report of a zoned device; empty for a device that is not zoned
     */
    record DeviceView(String name, HalResult<Boolean> available, HalResult<DeviceCapabilities> capabilities,
                      HalResult<DeviceStats> stats, Optional<DeviceRates.Rates> rates,
                      Optional<HalResult<List<ZoneInfo>>> zones) {
    }

    static String render(List<DeviceView> devices) {
        if (devices.isEmpty()) {
            return "<p>No block devices: create one with a factory configuration of "
                    + "<code>flight.hal.storage.device</code>.</p>";
        }
        StringBuilder html = new StringBuilder();
        for (DeviceView device : devices) {
            appendDevice(html, device);
        }
        return html.toString();
    }

    private static void appendDevice(StringBuilder html, DeviceView device) {
        String name = Html.escape(device.name());
        html.append("<section class=\"hal-section device\" data-device=\"").append(name).append("\"><h3>")
                .append(name).append(" <small>")
                .append(device.available().map(up -> up ? "available" : "UNAVAILABLE").recover(HalPageErrors::text)
                        .valueOrNull())
                .append("</small></h3>");
        html.append("<p>").append(device.capabilities().map(DevicesPage::capabilities)
                .recover(HalPageErrors::text).valueOrNull()).append("</p>");
        html.append("<p>").append(device.stats().map(DevicesPage::counters).recover(HalPageErrors::text)
                .valueOrNull());
        device.rates().ifPresent(rates -> html.append("<br>").append(Html.escape(String.format(Locale.ROOT,
                "throughput: read %s, written %s, %.1f requests/s", Sizes.rate(rates.readBytesPerSecond()),
                Sizes.rate(rates.writtenBytesPerSecond()), rates.completedPerSecond()))));
        html.append("</p>");
        device.zones().ifPresent(zones -> html.append(zones.map(DevicesPage::zoneMap).recover(HalPageErrors::text)
                .valueOrNull()));
        html.append("</section>");
    }

    private static String capabilities(DeviceCapabilities caps) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s in %,d blocks of %d B (physical %d B); transfers up to %s; queue depth %d",
                Sizes.bytes(caps.capacityBytes()), caps.capacityBlocks(), caps.logicalBlockSize(),
                caps.physicalBlockSize(), Sizes.bytes(caps.maxTransferBytes()), caps.queueDepth()));
        if (caps.zoneCount() > 0) {
            text.append(String.format(Locale.ROOT, "; %d zones of %d blocks (capacity %d)", caps.zoneCount(),
                    caps.zoneSizeBlocks(), caps.zoneCapacityBlocks()));
        }
        text.append("; features: ").append(caps.features().isEmpty() ? "none"
                : caps.features().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
        return Html.escape(text);
    }

    private static String counters(DeviceStats stats) {
        return Html.escape(String.format(Locale.ROOT,
                "%,d submitted, %,d completed, %,d failed, %,d rejected, %,d throttled; %s read, %s written",
                stats.submitted(), stats.completed(), stats.failed(), stats.rejected(), stats.throttled(),
                Sizes.bytes(stats.bytesRead()), Sizes.bytes(stats.bytesWritten())));
    }

    private static String zoneMap(List<ZoneInfo> zones) {
        StringBuilder html = new StringBuilder("<div class=\"zone-map\">");
        for (ZoneInfo zone : zones.subList(0, Math.min(zones.size(), MAX_ZONES_DRAWN))) {
            double filled = Sizes.percent(zone.writtenBlocks(), zone.capacityBlocks());
            html.append("<span class=\"zone\" data-zone=\"").append(zone.index()).append("\" data-state=\"")
                    .append(zone.state().name()).append("\" data-write-pointer=\"").append(zone.writePointer())
                    .append("\" title=\"").append(Html.escape(String.format(Locale.ROOT,
                            "zone %d: %s, write pointer %d (start %d, %d of %d blocks written)", zone.index(),
                            zone.state(), zone.writePointer(), zone.startLba(), zone.writtenBlocks(),
                            zone.capacityBlocks())))
                    .append("\"><span class=\"zone-fill\" style=\"height:")
                    .append(String.format(Locale.ROOT, "%.1f%%", filled))
                    .append("\"></span><span class=\"zone-label\">")
                    .append(zone.index()).append("<br>").append(zone.writtenBlocks()).append("</span></span>");
        }
        html.append("</div>");
        if (zones.size() > MAX_ZONES_DRAWN) {
            html.append("<p>and ").append(zones.size() - MAX_ZONES_DRAWN).append(" more zones</p>");
        }
        return html.toString();
    }
}
