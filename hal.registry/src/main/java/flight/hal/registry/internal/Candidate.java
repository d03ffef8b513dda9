package flight.hal.registry.internal;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import flight.hal.HalDriver;
import flight.hal.HalError;

/** A registered driver service competing for its interface. Guarded by its {@link InterfaceSelection}. */
final class Candidate {
    final String interfaceName;
    final ServiceReference<?> reference;
    final HalDriver driver;
    /** Why its last initialize() failed; cleared when its registration is modified, so it is tried again. */
    HalError failure;

    Candidate(String interfaceName, ServiceReference<?> reference, HalDriver driver) {
        this.interfaceName = interfaceName;
        this.reference = reference;
        this.driver = driver;
    }

    /** The {@code hal.driver.name} property, or the driver's own name when the property is missing. */
    String name() {
        Object name = reference.getProperty(HalDriver.NAME_PROPERTY);
        return name instanceof String s && !s.isBlank() ? s : driver.name();
    }

    int ranking() {
        return reference.getProperty(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    long serviceId() {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    /** {@code isAvailable()}, with a driver that throws counted as unavailable. */
    boolean available() {
        try {
            return driver.isAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
