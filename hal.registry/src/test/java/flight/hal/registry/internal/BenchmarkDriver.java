package flight.hal.registry.internal;

import java.util.EnumSet;
import java.util.Set;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;

/** The cheapest possible driver, so the benchmark measures the way to it, not the call. */
final class BenchmarkDriver implements HalDriver {
    private static final PlatformInfo PLATFORM = new PlatformInfo("bench", "any", "", 0, 8, 0, 1, 0);

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String version() {
        return "1";
    }

    /** Returns the shared success: no allocation. */
    @Override
    public HalResult<Void> initialize() {
        return HalResult.ok();
    }

    @Override
    public HalResult<Void> shutdown() {
        return HalResult.ok();
    }

    @Override
    public boolean isActive() {
        return true;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Set<HalCapability> capabilities() {
        return EnumSet.noneOf(HalCapability.class);
    }

    @Override
    public PerformanceTier performanceTier() {
        return PerformanceTier.HIGH;
    }

    @Override
    public PlatformInfo platformInfo() {
        return PLATFORM;
    }
}
