package flight.hal.driver.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.platform.TemperatureReading;
import flight.hal.platform.TemperatureSensor;
import flight.hal.storage.IoRequest;

class ThermalGovernorTest {
    private static final ThermalPolicy POLICY = new ThermalPolicy(85.0, 500, 1_000);

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger readings = new AtomicInteger();

    private TemperatureSensor sensor(double celsius) {
        return PlatformStubs.sensor(() -> {
            readings.incrementAndGet();
            return HalResult.ok(new TemperatureReading("injected", celsius));
        });
    }

    @Test
    void throttlesOnlyAboveTheThreshold() {
        assertEquals(500, new ThermalGovernor("d", POLICY, now::get).pauseNanos(sensor(85.5)));
        assertEquals(0, new ThermalGovernor("d", POLICY, now::get).pauseNanos(sensor(85.0)));
        assertEquals(0, new ThermalGovernor("d", POLICY, now::get).pauseNanos(null));
        assertEquals(0, new ThermalGovernor("d", POLICY, now::get).pauseNanos(
                PlatformStubs.sensor(() -> HalResult.err(ErrorCategory.UNSUPPORTED_CAPABILITY, "no sensor"))));
        assertEquals(0, new ThermalGovernor("d", POLICY, now::get).pauseNanos(PlatformStubs.sensor(() -> {
            throw new IllegalStateException("sensor broke");
        })));
    }

    @Test
    void readsTheSensorAtMostOncePerInterval() {
        ThermalGovernor governor = new ThermalGovernor("d", POLICY, now::get);
        TemperatureSensor hot = sensor(90);
        governor.pauseNanos(hot);
        now.set(999);
        assertEquals(500, governor.pauseNanos(sensor(20)));
        assertEquals(1, readings.get());
        now.set(1000);
        assertEquals(0, governor.pauseNanos(sensor(20)));
        assertEquals(2, readings.get());
    }

    @Test
    void aHotDeviceThrottlesItsRequestsAtAConfigurableThreshold(@TempDir Path dir) {
        try (HostBlockDevice device = Devices.open(dir, "hot", DeviceConfig.THERMAL_PAUSE_MICROS, 1,
                DeviceConfig.THERMAL_INTERVAL_MILLIS, 0, DeviceConfig.THERMAL_THRESHOLD, "95")) {
            device.temperature = sensor(96);
            device.execute(IoRequest.flush()).orElseThrow();
            device.execute(IoRequest.flush()).orElseThrow();
            assertEquals(2, device.stats().throttled());
            device.temperature = sensor(94);
            device.execute(IoRequest.flush()).orElseThrow();
            assertEquals(2, device.stats().throttled());
            assertEquals(3, device.stats().completed());
        }
    }
}
