package flight.hal.it;

import java.util.Set;

import flight.hal.HalCapability;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.platform.TemperatureReading;
import flight.hal.platform.TemperatureSensor;

/** A temperature sensor driver whose every reading is one fixed temperature: a test's heat, without a heater. */
final class InjectedTemperature implements TemperatureSensor {
    private final double celsius;
    private volatile boolean active;

    InjectedTemperature(double celsius) {
        this.celsius = celsius;
    }

    @Override
    public HalResult<TemperatureReading> read() {
        return HalResult.ok(new TemperatureReading("injected", celsius));
    }

    @Override
    public String name() {
        return "injected";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public HalResult<Void> initialize() {
        active = true;
        return HalResult.ok();
    }

    @Override
    public HalResult<Void> shutdown() {
        active = false;
        return HalResult.ok();
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Set<HalCapability> capabilities() {
        return Set.of();
    }

    @Override
    public PerformanceTier performanceTier() {
        return PerformanceTier.forTotalMemory(Runtime.getRuntime().maxMemory());
    }

    @Override
    public PlatformInfo platformInfo() {
        return new PlatformInfo("injected", "test", "", 1 << 20, 8, 1 << 20, 1, 0);
    }
}
