package flight.hal.registry.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.NonExclusive;

/**
 * A registered driver service competing for its interface. Its list membership is guarded by its
 * {@link InterfaceSelection}; its failure and activation are written by the interface's worker and read by anyone.
 */
final class Candidate {
    final String interfaceName;
    final ServiceReference<?> reference;
    final HalDriver driver;
    /** Its HAL interface, as its class implements it, is {@link NonExclusive}: drivers of it do not compete. */
    final boolean nonExclusive;
    /** Why it was last found unusable; cleared when its registration is modified, so it is tried again. */
    volatile HalError failure;
    /** Its current initialization, or null while it is not initialized. */
    volatile Activation activation;
    /** Its service is gone: it is being left for good. */
    volatile boolean removed;
    /** An initialize() that timed out is still running: it is not called again until that one returns. */
    volatile boolean initializing;
    /**
     * Its registration was modified: at the next reselection an initialized driver is asked again whether it is
     * available (a remote driver's node went away), and left if it is not.
     */
    final AtomicBoolean recheck = new AtomicBoolean();

    Candidate(String interfaceName, ServiceReference<?> reference, HalDriver driver) {
        this.interfaceName = interfaceName;
        this.reference = reference;
        this.driver = driver;
        this.nonExclusive = driver != null && declaresNonExclusive(driver.getClass(), interfaceName);
    }

    /** Whether {@code type} implements the interface named {@code interfaceName} and that interface is non-exclusive. */
    private static boolean declaresNonExclusive(Class<?> type, String interfaceName) {
        if (type == null) {
            return false;
        }
        if (type.isInterface() && type.getName().equals(interfaceName)) {
            return type.isAnnotationPresent(NonExclusive.class);
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (declaresNonExclusive(implemented, interfaceName)) {
                return true;
            }
        }
        return declaresNonExclusive(type.getSuperclass(), interfaceName);
    }

    /** The {@code hal.driver.name} property, or the driver's own name when the property is missing. */
    String name() {
        Object name = reference.getProperty(HalDriver.NAME_PROPERTY);
        if (name instanceof String s && !s.isBlank()) {
            return s;
        }
        return DriverCalls.direct("service " + reference.getProperty(Constants.SERVICE_ID), "name()", driver::name)
                .orElse("service " + reference.getProperty(Constants.SERVICE_ID));
    }

    int ranking() {
        return reference.getProperty(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    long serviceId() {
        return reference.getProperty(Constants.SERVICE_ID) instanceof Long id ? id : -1;
    }

    /** {@code isAvailable()}; a driver that throws is unavailable and failed, with the reason. */
    boolean available() {
        HalResult<Boolean> available = DriverCalls.direct(name(), "isAvailable()", driver::isAvailable);
        if (available.isErr()) {
            failure = available.errorOrNull();
            return false;
        }
        return available.valueOrNull();
    }
}
