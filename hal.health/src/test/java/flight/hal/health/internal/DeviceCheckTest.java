package flight.hal.health.internal;

import static flight.hal.health.internal.Logs.driver;
import static flight.hal.health.internal.Logs.messages;
import static flight.hal.health.internal.Logs.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.registry.DriverState;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceStats;

class DeviceCheckTest {
    private static final String STORAGE = BlockDevice.class.getName();

    private final AtomicReference<DeviceStats> zns = new AtomicReference<>(stats(0));
    private final DeviceCheck check = new DeviceCheck();

    @Test
    void availableDevicesAreOkAndOneTheRegistryHasUnavailableIsCriticalWithTheReason() {
        check.registry = RegistryChecksTest.registry(HalResult.ok(List.of(status(STORAGE, null, "",
                driver(STORAGE, "zns", DriverState.AVAILABLE, null)))), List.of());
        assertEquals(Result.Status.OK, check.execute().getStatus());

        check.registry = RegistryChecksTest.registry(HalResult.ok(List.of(status(STORAGE, null, "",
                driver(STORAGE, "zns", DriverState.AVAILABLE, null),
                driver(STORAGE, "broken", DriverState.UNAVAILABLE,
                        HalError.unavailable("block.size=1000 is not a power of two"))))), List.of());
        Result result = check.execute();
        assertEquals(Result.Status.CRITICAL, result.getStatus());
        assertEquals(List.of("block device broken is UNAVAILABLE: " + HalError.unavailable(
                "block.size=1000 is not a power of two")), messages(result, Result.Status.CRITICAL));
    }

    @Test
    void throttledRequestsSinceThePreviousRunWarnOnceThenTheCheckIsOkAgain() {
        check.registry = RegistryChecksTest.registry(HalResult.ok(List.of(status(STORAGE, null, "",
                driver(STORAGE, "zns", DriverState.AVAILABLE, null)))), List.of());
        check.devices = List.of(Map.entry(Map.of("hal.driver.name", "zns"),
                Logs.service(BlockDevice.class, Map.of("stats", args -> zns.get()))));
        assertEquals(Result.Status.OK, check.execute().getStatus());

        zns.set(stats(3));
        Result hot = check.execute();
        assertEquals(Result.Status.WARN, hot.getStatus());
        assertEquals(List.of("block device zns throttled 3 request(s) since the last check: hotter than its threshold"),
                messages(hot, Result.Status.WARN));
        assertEquals(Result.Status.OK, check.execute().getStatus(), "no more throttling since");
    }

    @Test
    void aDeviceAnsweringNullOrThrowingIsCriticalByName() {
        check.registry = RegistryChecksTest.registry(HalResult.ok(List.of()), List.of());
        check.devices = List.of(
                Map.entry(Map.of("hal.driver.name", "silent"), Logs.service(BlockDevice.class,
                        Map.of("stats", args -> null))),
                Map.entry(Map.of("hal.driver.name", "angry"), Logs.service(BlockDevice.class,
                        Map.of("stats", args -> {
                            throw new IllegalStateException("boom");
                        }))));
        List<String> critical = messages(check.execute(), Result.Status.CRITICAL);
        assertEquals("block device silent: stats() returned null", critical.get(0));
        assertTrue(critical.get(1).startsWith("block device angry: stats() threw java.lang.IllegalStateException: boom"),
                critical.get(1));
    }

    private static DeviceStats stats(long throttled) {
        return new DeviceStats(10, 10, 0, 0, throttled, 0, 0);
    }
}
