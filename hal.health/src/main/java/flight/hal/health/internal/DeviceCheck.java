package flight.hal.health.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import flight.hal.HalDriver;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceStats;

/**
 * Every block device: CRITICAL when the registry has it other than {@link DriverState#AVAILABLE} (it did not open,
 * or failed), WARN when it throttled requests since the previous run of this check (hotter than its threshold; the
 * first run counts from the device's opening).
 */
@Component(property = {HealthCheck.NAME + "=" + DeviceCheck.NAME, HealthCheck.TAGS + "=" + HalChecks.TAG})
public final class DeviceCheck implements HealthCheck {
    static final String NAME = "HAL block devices";

    @Reference
    HalRegistry registry;

    /** Every block device, by its registration's properties; not the registry's republication of a selected one. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + HalDriver.SELECTED_PROPERTY + "=*))")
    volatile List<Map.Entry<Map<String, Object>, BlockDevice>> devices = List.of();

    /** Each device's throttled count at the previous run, by name. */
    private final Map<String, Long> throttledBefore = new ConcurrentHashMap<>();

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        List<DriverDescription> candidates = HalChecks.settled(registry, log).stream()
                .filter(status -> status.interfaceName().equals(BlockDevice.class.getName()))
                .flatMap(status -> status.candidates().stream()).toList();
        assessAvailability(candidates, log);
        for (Map.Entry<Map<String, Object>, BlockDevice> device : devices) {
            String name = String.valueOf(device.getKey().get(HalDriver.NAME_PROPERTY));
            assessThrottling(name, stats(name, device.getValue(), log), log);
        }
        return new Result(log);
    }

    static void assessAvailability(List<DriverDescription> devices, FormattingResultLog log) {
        if (devices.isEmpty()) {
            log.info("no block device is configured");
        }
        for (DriverDescription device : devices) {
            if (device.state() == DriverState.AVAILABLE) {
                log.info("block device {} available", device.name());
            } else {
                log.critical("block device {} is {}{}", device.name(), device.state(),
                        device.failureReason().map(failure -> ": " + failure).orElse(""));
            }
        }
    }

    /** WARN when {@code stats} counts more throttled requests than the previous run saw. */
    void assessThrottling(String name, DeviceStats stats, FormattingResultLog log) {
        if (stats == null) {
            return;
        }
        long before = throttledBefore.getOrDefault(name, 0L);
        throttledBefore.put(name, stats.throttled());
        if (stats.throttled() > before) {
            log.warn("block device {} throttled {} request(s) since the last check: hotter than its threshold",
                    name, stats.throttled() - before);
        }
    }

    /** The device's counters; null, and a CRITICAL entry, when it answers null or throws. */
    private static DeviceStats stats(String name, BlockDevice device, FormattingResultLog log) {
        try {
            DeviceStats stats = device.stats();
            if (stats == null) {
                log.critical("block device {}: stats() returned null", name);
            }
            return stats;
        } catch (RuntimeException e) {
            log.critical("block device {}: stats() threw {}", name, e.toString());
            return null;
        }
    }
}
