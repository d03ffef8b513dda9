package flight.hal.driver.platform.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.DriverBase;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.platform.PlatformErrors;
import flight.hal.platform.TemperatureReading;
import flight.hal.platform.TemperatureSensor;

/**
 * The machine's temperature from Linux's thermal zones ({@code /sys/class/thermal/thermal_zone*}/temp, in
 * millidegrees Celsius): the hottest zone. A machine without thermal zones (a container, a virtual machine, another
 * operating system) gets an {@code UNSUPPORTED_CAPABILITY} error, never a made-up value. Ranked low (0), so a
 * board's own sensor, or a test's injected one, wins the selection.
 */
@Component(service = TemperatureSensor.class)
@RegisterHalDriver(hal_interface = TemperatureSensor.class, hal_driver_name = SysfsTemperatureSensor.NAME)
public class SysfsTemperatureSensor extends DriverBase<Path> implements TemperatureSensor {
    static final String NAME = "host.thermal.sysfs";

    private final PlatformProfile platform = HostProfile.current();

    /** Where the thermal zones are; tests point it at a directory of their own. */
    Path root = Path.of("/sys/class/thermal");

    public SysfsTemperatureSensor() {
        super(NAME);
    }

    @Override
    protected PlatformProfile platform() {
        return platform;
    }

    /**
     * Nothing to acquire: every reading lists the zones again, because zones come and go (hot-plugged sensors). A
     * machine without them is still a usable driver whose readings say so.
     */
    @Override
    protected HalResult<Path> open() {
        return HalResult.ok(root);
    }

    @Override
    protected void close(Path closing) {
        // nothing was acquired
    }

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
        return HalResult.err(new HalError(ErrorCategory.UNSUPPORTED_CAPABILITY, PlatformErrors.NO_SENSOR,
                "this machine reports no temperature: " + why));
    }
}
