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
    /** The kit's bounded calls into this driver. */
    final DriverCalls calls;

    private DriverUnderTest(ServiceObjects<Object> objects, Object service, ServiceReference<?> reference,
                            boolean live, DriverCalls calls) {
        this.objects = objects;
        this.service = service;
        this.driver = (HalDriver) service;
        this.name = nameOf(reference);
        this.interfaceName = String.valueOf(reference.getProperty(HalDriver.INTERFACE_PROPERTY));
        this.privateInstance = isPrototype(reference);
        this.live = live;
        this.calls = calls;
    }

    static String nameOf(ServiceReference<?> reference) {
        return String.valueOf(reference.getProperty(HalDriver.NAME_PROPERTY));
    }

    private static boolean isPrototype(ServiceReference<?> reference) {
        return Constants.SCOPE_PROTOTYPE.equals(reference.getProperty(Constants.SERVICE_SCOPE));
    }

    /**
     * Gets the instance and initializes it unless it is live; an error when neither works, saying what the driver
     * did (returned null, threw, did not return in time).
     */
    @SuppressWarnings("unchecked")
    static HalResult<DriverUnderTest> open(BundleContext context, ServiceReference<?> reference, DriverCalls calls) {
        ServiceObjects<Object> objects = context.getServiceObjects((ServiceReference<Object>) reference);
        if (objects == null) {
            return HalResult.err(HalError.unavailable("service " + reference + " is gone"));
        }
        HalResult<Object> got = calls.call("its service object (getService)", objects::getService);
        if (got.isErr()) {
            return HalResult.err(got.errorOrNull());
        }
        Object service = got.valueOrNull();
        if (!(service instanceof HalDriver driver)) {
            objects.ungetService(service);
            return HalResult.err(HalError.unavailable("service " + reference + " is not a HalDriver"));
        }
        boolean prototype = isPrototype(reference);
        HalResult<Boolean> active = prototype ? HalResult.ok(false) : calls.call("isActive()", driver::isActive);
        if (active.isErr()) {
            objects.ungetService(service);
            return HalResult.err(active.errorOrNull());
        }
        DriverUnderTest opened = new DriverUnderTest(objects, service, reference, active.valueOrNull(), calls);
        if (!opened.live) {
            HalResult<Void> initialized = calls.result("initialize()", driver::initialize);
            if (initialized.isErr()) {
                opened.close(false);
                return HalResult.err(HalError.initializationFailed("driver " + opened.name
                        + " failed to initialize for the checks: " + initialized.errorOrNull().message()));
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
     * Shuts the instance down if the kit brought it up and releases it; neither is done on a driver the kit abandoned
     * after a hang, whose thread may still be inside it.
     *
     * @param selectedMeanwhile whether the registry selected the shared instance during the run
     */
    void close(boolean selectedMeanwhile) {
        if (calls.abandoned() != null) {
            return;
        }
        if (!live && (privateInstance || !selectedMeanwhile)) {
            calls.result("shutdown()", driver::shutdown); // what it reports is the registry's concern, not the checks'
        }
        if (calls.abandoned() == null) {
            objects.ungetService(service);
        }
    }
}
