package flight.hal.it;

import java.util.Set;

import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.driver.support.DriverBase;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.platform.TemperatureReading;
import flight.hal.platform.TemperatureSensor;

/** A temperature sensor driver whose every reading is one fixed temperature: a test's heat, without a heater. */
final class InjectedTemperature extends DriverBase<Boolean> implements TemperatureSensor {
    private static final PlatformProfile PLATFORM = new PlatformProfile(
            new PlatformInfo("injected", "test", "", 1 << 20, 8, 1 << 20, 1, 0), Set.of(), PerformanceTier.HIGH);

    private final double celsius;

    InjectedTemperature(String name, double celsius) {
        super(name);
        this.celsius = celsius;
    }

    @Override
    public HalResult<TemperatureReading> read() {
        return HalResult.ok(new TemperatureReading(name(), celsius));
    }

    @Override
    protected PlatformProfile platform() {
        return PLATFORM;
    }

    /** Nothing to acquire: the temperature is fixed. */
    @Override
    protected HalResult<Boolean> open() {
        return HalResult.ok(Boolean.TRUE);
    }

    @Override
    protected void close(Boolean closing) {
        // nothing was acquired
    }
}
