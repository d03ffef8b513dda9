package flight.hal.platform.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.platform.TemperatureReading;
import flight.hal.platform.TemperatureSensor;

/**
 * The machine's temperature from Linux's thermal zones ({@code /sys/class/thermal/thermal_zone*}/temp, in
 * millidegrees Celsius): the hottest zone. A machine without thermal zones (a container, a virtual machine, another
 * operating system) gets an {@code UNSUPPORTED_CAPABILITY} error, never a made-up value.
 */
@Component(service = TemperatureSensor.class)
public class SysfsTemperatureSensor implements TemperatureSensor {

    /** Where the thermal zones are; tests point it at a directory of their own. */
    Path root = Path.of("/sys/class/thermal");

    @Override
    public HalResult<TemperatureReading> read() {
        TemperatureReading hottest = null;
        try (DirectoryStream<Path> zones = Files.newDirectoryStream(root, "thermal_zone*")) {
            for (Path zone : zones) {
                Optional<TemperatureReading> reading = readZone(zone);
                if (reading.isPresent() && (hottest == null || reading.get().celsius() > hottest.celsius())) {
                    hottest = reading.get();
                }
            }
        } catch (IOException | SecurityException e) {
            return noSensor("cannot list " + root + ": " + e);
        }
        return hottest == null ? noSensor("no readable thermal zone under " + root) : HalResult.ok(hottest);
    }

    private static Optional<TemperatureReading> readZone(Path zone) {
        try {
            long milli = Long.parseLong(Files.readString(zone.resolve("temp")).trim());
            Path typeFile = zone.resolve("type");
            String type = Files.isReadable(typeFile) ? Files.readString(typeFile).trim() : "unknown";
            return Optional.of(new TemperatureReading(zone.getFileName() + " (" + type + ")", milli / 1000.0));
        } catch (IOException | NumberFormatException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static HalResult<TemperatureReading> noSensor(String why) {
        return HalResult.err(new HalError(ErrorCategory.UNSUPPORTED_CAPABILITY, "thermal.no_sensor",
                "this machine reports no temperature: " + why));
    }
}
