package flight.hal.registry;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.LiveObjects;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;

/**
 * A snapshot of one candidate driver.
 *
 * @param interfaceName   class name of the HAL interface
 * @param name            the driver's {@code hal.driver.name}
 * @param version         the driver's version
 * @param bundleSymbolicName symbolic name of the bundle that registered it
 * @param bundleId        id of that bundle
 * @param serviceId       its {@code service.id}
 * @param ranking         its {@code service.ranking}
 * @param state           where it stands in the selection
 * @param failure         why it was skipped, when {@code state} is {@link DriverState#FAILED} or
 *                        {@link DriverState#INELIGIBLE}; else {@code null}
 * @param capabilities    what it can do
 * @param performanceTier its platform's tier
 * @param platformInfo    what it knows of its platform
 * @param live            what it holds for its clients ({@link LiveObjects#NONE} for a driver that is not an
 *                        {@link flight.hal.ObjectOwner} or not initialized)
 */
public record DriverDescription(String interfaceName, String name, String version, String bundleSymbolicName,
                                long bundleId, long serviceId, int ranking, DriverState state, HalError failure,
                                Set<HalCapability> capabilities, PerformanceTier performanceTier,
                                PlatformInfo platformInfo, LiveObjects live) {

    public DriverDescription {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        capabilities = Set.copyOf(capabilities);
        Objects.requireNonNull(live, "live");
    }

    /** Why initialization failed, if it did. */
    public Optional<HalError> failureReason() {
        return Optional.ofNullable(failure);
    }

    /** The capabilities as a bit mask. */
    public long capabilityMask() {
        return HalCapability.maskOf(capabilities);
    }
}
