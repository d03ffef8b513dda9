package flight.hal.platform;

import java.util.Objects;

/**
 * A temperature measured by one sensor.
 *
 * @param sensor  where it came from (a thermal zone's name and type, or a test's name)
 * @param celsius degrees Celsius
 */
public record TemperatureReading(String sensor, double celsius) {

    public TemperatureReading {
        Objects.requireNonNull(sensor, "sensor");
    }
}
