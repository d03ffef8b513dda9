package flight.hal.driver.storage.internal;

import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.platform.TemperatureReading;
import flight.hal.platform.TemperatureSensor;

/**
 * Decides whether a device's I/O is throttled: while the temperature is above the threshold, every request waits a
 * short pause before it runs. The sensor is read at most once per interval; a sensor that cannot tell (no thermal
 * zones on this machine) or that fails never throttles.
 */
final class ThermalGovernor {
    private static final Logger LOG = LoggerFactory.getLogger(ThermalGovernor.class);

    private final String device;
    private final ThermalPolicy policy;
    private final LongSupplier clock;
    private volatile long nextReading = Long.MIN_VALUE;
    private volatile boolean hot;

    ThermalGovernor(String device, ThermalPolicy policy, LongSupplier clock) {
        this.device = device;
        this.policy = policy;
        this.clock = clock;
    }

    /** The pause before the next request, in nanoseconds: 0 unless the device is throttled. */
    long pauseNanos(TemperatureSensor sensor) {
        if (sensor == null) {
            return 0;
        }
        long now = clock.getAsLong();
        if (now - nextReading >= 0 || nextReading == Long.MIN_VALUE) {
            nextReading = now + policy.intervalNanos();
            update(read(sensor));
        }
        return hot ? policy.pauseNanos() : 0;
    }

    /** The sensor's reading; a sensor that throws is logged and counts as telling nothing. */
    private HalResult<TemperatureReading> read(TemperatureSensor sensor) {
        try {
            return sensor.read();
        } catch (RuntimeException e) {
            LOG.warn("device {}: temperature sensor {} failed", device, sensor, e);
            return HalResult.err(HalError.of(ErrorCategory.INTERNAL, "the sensor failed: " + e));
        }
    }

    private void update(HalResult<TemperatureReading> reading) {
        TemperatureReading value = reading.valueOrNull();
        boolean nowHot = value != null && value.celsius() > policy.thresholdCelsius();
        if (nowHot != hot) {
            if (nowHot) {
                LOG.warn("device {}: {} reads {} °C, above the {} °C threshold: throttling I/O", device,
                        value.sensor(), value.celsius(), policy.thresholdCelsius());
            } else {
                LOG.info("device {}: temperature back at or below {} °C: I/O at full speed", device,
                        policy.thresholdCelsius());
            }
            hot = nowHot;
        }
    }
}
