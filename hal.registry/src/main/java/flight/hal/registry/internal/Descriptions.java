package flight.hal.registry.internal;

import java.util.EnumSet;
import java.util.Hashtable;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;

/** Snapshots of candidates, for status queries and for the republished service's properties. */
final class Descriptions {
    private static final Logger LOG = LoggerFactory.getLogger(Descriptions.class);
    static final String SOURCE_SERVICE_ID = "hal.driver.service.id";
    static final String SOURCE_BUNDLE = "hal.driver.bundle";

    private Descriptions() {
    }

    static DriverDescription describe(String interfaceName, Candidate candidate, boolean selected) {
        Bundle bundle = candidate.reference.getBundle();
        HalDriver driver = candidate.driver;
        String version = "";
        Set<HalCapability> capabilities = EnumSet.noneOf(HalCapability.class);
        PerformanceTier tier = null;
        PlatformInfo platform = null;
        try {
            version = driver.version();
            capabilities = driver.capabilities();
            tier = driver.performanceTier();
            platform = driver.platformInfo();
        } catch (RuntimeException e) {
            // a faulty driver must not break listings: show what was read before it threw
            LOG.warn("{}: driver '{}' threw while describing itself", interfaceName, candidate.name(), e);
        }
        return new DriverDescription(interfaceName, candidate.name(), version,
                bundle == null ? "" : bundle.getSymbolicName(), bundle == null ? -1 : bundle.getBundleId(),
                candidate.serviceId(), candidate.ranking(), state(candidate, selected), candidate.failure,
                capabilities, tier, platform);
    }

    private static DriverState state(Candidate candidate, boolean selected) {
        if (selected) {
            return DriverState.SELECTED;
        }
        if (candidate.failure != null) {
            return DriverState.FAILED;
        }
        return candidate.available() ? DriverState.STANDBY : DriverState.UNAVAILABLE;
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
