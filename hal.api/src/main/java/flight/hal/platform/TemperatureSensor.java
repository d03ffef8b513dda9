package flight.hal.platform;

import org.osgi.annotation.versioning.ConsumerType;

import flight.hal.HalResult;

/**
 * The machine's temperature ({@code hn4_hal_get_temperature}), which storage uses to throttle I/O. Implemented by
 * the platform and by tests that inject a temperature, hence a consumer type.
 */
@ConsumerType
public interface TemperatureSensor {

    /** The hottest sensor now, or an {@code UNSUPPORTED_CAPABILITY} error on a machine without sensors. */
    HalResult<TemperatureReading> read();
}
