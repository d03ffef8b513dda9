package flight.hal.registry.internal;

import java.util.EnumSet;
import java.util.Hashtable;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.LiveObjects;
import flight.hal.ObjectOwner;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;

/**
 * Snapshots of candidates, for status queries and for the republished service's properties. A driver that answers
 * null or throws is described with what could be read; nothing it does breaks a listing.
 */
final class Descriptions {
    static final String SOURCE_SERVICE_ID = "hal.driver.service.id";
    static final String SOURCE_BUNDLE = "hal.driver.bundle";

    private Descriptions() {
    }

    /**
     * @param selected  whether the plain role selects it
     * @param required  what the configuration requires of every driver of the interface
     * @param exclusive whether its interface selects one driver; else its initialized drivers are all
     *                  {@link DriverState#AVAILABLE}, none on standby
     */
    static DriverDescription describe(Candidate candidate, boolean selected, Set<HalCapability> required,
                                      boolean exclusive) {
        Bundle bundle = candidate.reference.getBundle();
        HalDriver driver = candidate.driver;
        String name = candidate.name();
        Set<HalCapability> capabilities = DriverCalls.direct(name, "capabilities()", driver::capabilities)
                .flatMap(set -> DriverCalls.direct(name, "capabilities()", () -> Set.copyOf(set))).orElse(Set.of());
        Activation activation = candidate.activation;
        HalError failure = candidate.failure;
        DriverState state;
        if (selected) {
            state = DriverState.SELECTED;
        } else if (activation != null && activation.isRetiring()) {
            state = DriverState.RETIRING;
        } else if (failure != null) {
            state = DriverState.FAILED;
        } else if (!capabilities.containsAll(required)) {
            EnumSet<HalCapability> missing = EnumSet.copyOf(required);
            missing.removeAll(capabilities);
            state = DriverState.INELIGIBLE;
            failure = HalError.unsupportedCapability(name + " lacks " + Reselection.sorted(missing)
                    + ", which the configuration requires of " + candidate.interfaceName);
        } else if (!candidate.available()) {
            state = DriverState.UNAVAILABLE;
        } else {
            state = !exclusive && activation != null ? DriverState.AVAILABLE : DriverState.STANDBY;
        }
        LiveObjects live = activation != null && driver instanceof ObjectOwner<?> owner
                ? DriverCalls.direct(name, "liveObjects()", owner::liveObjects).orElse(LiveObjects.NONE)
                : LiveObjects.NONE;
        return new DriverDescription(candidate.interfaceName, name,
                DriverCalls.direct(name, "version()", driver::version).orElse(""),
                bundle == null ? "" : bundle.getSymbolicName(), bundle == null ? -1 : bundle.getBundleId(),
                candidate.serviceId(), candidate.ranking(), state, failure, capabilities,
                DriverCalls.direct(name, "performanceTier()", driver::performanceTier).orElse((PerformanceTier) null),
                DriverCalls.direct(name, "platformInfo()", driver::platformInfo).orElse((PlatformInfo) null), live);
    }

    /** Properties of the {@code hal.selected=true} service: enough to filter on, and where the driver came from. */
    static Hashtable<String, Object> republishedProperties(String interfaceName, Candidate selected) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HalDriver.INTERFACE_PROPERTY, interfaceName);
        properties.put(HalDriver.NAME_PROPERTY, selected.name());
        properties.put(HalDriver.SELECTED_PROPERTY, Boolean.TRUE);
        properties.put(Constants.SERVICE_RANKING, selected.ranking());
        properties.put(SOURCE_SERVICE_ID, selected.serviceId());
        Bundle bundle = selected.reference.getBundle();
        if (bundle != null) {
            properties.put(SOURCE_BUNDLE, bundle.getSymbolicName());
        }
        return properties;
    }
}
