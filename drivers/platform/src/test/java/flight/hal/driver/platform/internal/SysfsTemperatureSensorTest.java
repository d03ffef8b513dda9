package flight.hal.driver.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.platform.PlatformErrors;
import flight.hal.platform.TemperatureReading;

class SysfsTemperatureSensorTest {

    @TempDir
    Path root;

    private void zone(String name, String type, String temp) throws Exception {
        Path zone = Files.createDirectories(root.resolve(name));
        Files.writeString(zone.resolve("temp"), temp);
        if (type != null) {
            Files.writeString(zone.resolve("type"), type + "\n");
        }
    }

    private HalResult<TemperatureReading> read() {
        SysfsTemperatureSensor sensor = new SysfsTemperatureSensor();
        sensor.root = root;
        return sensor.read();
    }

    @Test
    void theHottestReadableZoneIsReportedInCelsius() throws Exception {
        zone("thermal_zone0", "x86_pkg_temp", "45000\n");
        zone("thermal_zone1", "nvme", "71500");
        zone("thermal_zone2", null, "garbage");
        zone("cooling_device0", "fan", "99000");
        assertEquals(new TemperatureReading("thermal_zone1 (nvme)", 71.5), read().orElseThrow());
    }

    @Test
    void aMachineWithoutSensorsGetsAClearUnsupportedError() throws Exception {
        HalResult<TemperatureReading> none = read();
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, none.errorOrNull().category());
        assertEquals(PlatformErrors.NO_SENSOR, none.errorOrNull().code());
        root = root.resolve("missing");
        assertTrue(read().errorOrNull().message().contains("cannot list"));
    }

    @Test
    void thisMachineEitherReportsATemperatureOrSaysItCannot() {
        HalResult<TemperatureReading> real = new SysfsTemperatureSensor().read();
        assertTrue(real.isOk() ? real.orElseThrow().celsius() > -50
                : real.errorOrNull().code().equals(PlatformErrors.NO_SENSOR), real::toString);
    }
}
