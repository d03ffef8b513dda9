package flight.hal.platform;

import org.osgi.annotation.versioning.ConsumerType;

import flight.hal.HalDriver;
import flight.hal.HalResult;

/**
 * The machine's temperature ({@code hn4_hal_get_temperature}), which storage uses to throttle I/O. A HAL interface:
 * sensors are ranked drivers and the registry selects the best available one (a board's own sensor over the host's
 * thermal zones, a test's injected temperature over both). Implemented by the platform and by tests that inject a
 * temperature, hence a consumer type.
 *
 * @since 2.0
 */
@ConsumerType
public interface TemperatureSensor extends HalDriver {

    /**
     * The hottest sensor now, or an {@code UNSUPPORTED_CAPABILITY} error ({@value PlatformErrors#NO_SENSOR}) on a
     * machine without sensors.
     */
    HalResult<TemperatureReading> read();
}
