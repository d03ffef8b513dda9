package flight.hal.driver.support;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;

/**
 * What every driver of one platform reports about it.
 *
 * @param info         the platform's facts and limits
 * @param capabilities what the platform can do
 * @param tier         its performance tier
 */
public record PlatformProfile(PlatformInfo info, Set<HalCapability> capabilities, PerformanceTier tier) {

    public PlatformProfile {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(tier, "tier");
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
    }

    /** The platform as {@code driver} reports it, with other capabilities. */
    public static PlatformProfile of(HalDriver driver, Set<HalCapability> capabilities) {
        return new PlatformProfile(driver.platformInfo(), capabilities, driver.performanceTier());
    }
}
