package flight.hal.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.ZoneInfo;
import flight.hal.storage.ZoneState;

class DevicesPageTest {
    private static final DeviceCapabilities ZONED = new DeviceCapabilities(512, 512, 64, 4096, 16, 12, 4, 8,
            EnumSet.of(DeviceFeature.ZONED));

    @Test
    void aZonedDeviceHasAZoneMapWithStateAndWritePointer() {
        BlockDevice device = Stubs.stub(BlockDevice.class, (method, args) -> switch (method) {
            case "name" -> "zns";
            case "isAvailable" -> true;
            case "deviceCapabilities" -> ZONED;
            case "stats" -> new DeviceStats(5, 4, 1, 0, 0, 2048, 1024);
            case "reportZones" -> HalResult.ok(List.of(new ZoneInfo(0, 0, 16, 12, 12, ZoneState.FULL),
                    new ZoneInfo(1, 16, 16, 12, 19, ZoneState.IMPLICITLY_OPEN),
                    new ZoneInfo(2, 32, 16, 12, 32, ZoneState.EMPTY)));
            default -> throw new AssertionError(method);
        });
        DevicesPlugin plugin = new DevicesPlugin();
        plugin.devices = List.of(device);

        String html = plugin.fragment();
        plugin.deactivate();

        assertTrue(html.contains("<section class=\"hal-section device\" data-device=\"zns\">"), html);
        assertTrue(html.contains("<span class=\"zone\" data-zone=\"1\" data-state=\"IMPLICITLY_OPEN\""
                + " data-write-pointer=\"19\" title=\"zone 1: IMPLICITLY_OPEN, write pointer 19 (start 16, 3 of 12"
                + " blocks written)\">"), html);
        assertTrue(html.contains("data-zone=\"0\" data-state=\"FULL\"") && html.contains("data-zone=\"2\""), html);
        assertTrue(html.contains("4 zones of 16 blocks (capacity 12); features: ZONED"), html);
        assertTrue(html.contains("5 submitted, 4 completed, 1 failed, 0 rejected, 0 throttled; 2.0 KiB (2,048 B)"
                + " read, 1.0 KiB (1,024 B) written"), html);
    }

    @Test
    void aDeviceThatThrowsOrAnswersNullIsShownAsAnErrorAndHostileNamesAreEscaped() {
        BlockDevice device = Stubs.stub(BlockDevice.class, (method, args) -> switch (method) {
            case "name" -> DriversPageTest.HOSTILE;
            case "isAvailable" -> false;
            case "deviceCapabilities" -> null;
            case "stats" -> throw new IllegalStateException("counters on fire");
            default -> throw new AssertionError(method);
        });
        DevicesPlugin plugin = new DevicesPlugin();
        plugin.devices = List.of(device);

        String html = plugin.fragment();
        plugin.deactivate();

        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("UNAVAILABLE"), html);
        assertTrue(html.contains("deviceCapabilities() returned null"), html);
        assertTrue(html.contains("stats() threw java.lang.IllegalStateException: counters on fire"), html);
        assertFalse(html.contains("zone-map"), "not known to be zoned");
    }

    @Test
    void aCallThatDoesNotAnswerWithinTheBoundIsATimeout() throws InterruptedException {
        DriverCalls calls = new DriverCalls(Duration.ofMillis(20));
        CountDownLatch never = new CountDownLatch(1);
        Object driver = new Object();
        HalResult<Boolean> result = calls.call(driver, "hung()", () -> {
            try {
                never.await();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            return true;
        });
        assertEquals(ErrorCategory.TIMEOUT, result.errorOrNull().category());
        assertEquals("hung() did not answer within 20 ms", result.errorOrNull().message());
        assertEquals("other() not called: an earlier call has not returned",
                calls.call(driver, "other()", () -> true).errorOrNull().message());
        assertEquals(Boolean.TRUE, calls.call(new Object(), "another driver()", () -> true).valueOrNull());
        calls.close();
    }

    @Test
    void throughputComesFromSuccessiveReadings() {
        DeviceRates rates = new DeviceRates();
        long start = 1_000_000_000L;
        assertEquals(Optional.empty(), rates.update("d", new DeviceStats(0, 0, 0, 0, 0, 0, 0), start));
        assertEquals(Optional.empty(), rates.update("d", new DeviceStats(0, 9, 0, 0, 0, 99, 99), start + 1000),
                "too soon after the first reading to measure");
        DeviceRates.Rates measured = rates.update("d", new DeviceStats(20, 20, 0, 0, 0, 4096, 8192),
                start + 2_000_000_000L).orElseThrow();
        assertEquals(2048.0, measured.readBytesPerSecond());
        assertEquals(4096.0, measured.writtenBytesPerSecond());
        assertEquals(10.0, measured.completedPerSecond());
        assertEquals(Optional.of(measured), rates.update("d", new DeviceStats(21, 21, 0, 0, 0, 0, 0),
                start + 2_100_000_000L), "the last rates until the next interval");
    }

    @Test
    void noDevicesSaysHowToMakeOne() {
        assertTrue(DevicesPage.render(List.of()).contains("flight.hal.storage.device"));
    }
}
