package flight.hal.compliance.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;

/**
 * The instance of a driver service the kit checks, and who owns its lifecycle. A prototype-scoped service gives the
 * kit a private instance that it initializes and shuts down. A singleton is shared: when it is active (the registry
 * selected it) the kit checks it live and leaves its lifecycle alone; when it is not, the kit initializes it for the
 * run and shuts it down afterwards, unless the registry selected it meanwhile.
 */
final class DriverUnderTest {
    private final ServiceObjects<Object> objects;
    private final Object service;
    final HalDriver driver;
    final String name;
    final String interfaceName;
    final boolean privateInstance;
    final boolean live;

    private DriverUnderTest(ServiceObjects<Object> objects, Object service, ServiceReference<?> reference) {
        this.objects = objects;
        this.service = service;
        this.driver = (HalDriver) service;
        this.name = String.valueOf(reference.getProperty(HalDriver.NAME_PROPERTY));
        this.interfaceName = String.valueOf(reference.getProperty(HalDriver.INTERFACE_PROPERTY));
        this.privateInstance = Constants.SCOPE_PROTOTYPE.equals(reference.getProperty(Constants.SERVICE_SCOPE));
        this.live = !privateInstance && driver.isActive();
    }

    /** Gets the instance and initializes it unless it is live; an error when neither works. */
    @SuppressWarnings("unchecked")
    static HalResult<DriverUnderTest> open(BundleContext context, ServiceReference<?> reference) {
        ServiceObjects<Object> objects = context.getServiceObjects((ServiceReference<Object>) reference);
        Object service = objects == null ? null : objects.getService();
        if (!(service instanceof HalDriver)) {
            if (service != null) {
                objects.ungetService(service);
            }
            return HalResult.err(HalError.unavailable("service " + reference + " is gone or is not a HalDriver"));
        }
        DriverUnderTest opened = new DriverUnderTest(objects, service, reference);
        if (!opened.live) {
            HalResult<Void> initialized = opened.driver.initialize();
            if (initialized.isErr()) {
                opened.close(false);
                return HalResult.err(HalError.initializationFailed("driver " + opened.name
                        + " failed to initialize for the checks: " + initialized.errorOrNull()));
            }
        }
        return HalResult.ok(opened);
    }

    /** How the instance is checked, for the report. */
    String mode() {
        if (privateInstance) {
            return "a private instance (prototype scope)";
        }
        return live ? "the live instance, selected by the registry" : "the shared instance, initialized for the run";
    }

    /**
     * Shuts the instance down if the kit brought it up and releases it.
     *
     * @param selectedMeanwhile whether the registry selected the shared instance during the run
     */
    void close(boolean selectedMeanwhile) {
        try {
            if (!live && (privateInstance || !selectedMeanwhile)) {
                driver.shutdown();
            }
        } finally {
            objects.ungetService(service);
        }
    }
}
