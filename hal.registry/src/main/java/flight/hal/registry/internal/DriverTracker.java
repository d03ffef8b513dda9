package flight.hal.registry.internal;

import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalDriver;

/** Turns driver service events into candidates of the right {@link InterfaceSelection}. */
final class DriverTracker implements ServiceTrackerCustomizer<Object, Candidate> {
    private static final Logger LOG = LoggerFactory.getLogger(DriverTracker.class);
    /** Every HAL driver service, but not the registry's own republications of selected drivers. */
    static final String FILTER = "(&(" + HalDriver.INTERFACE_PROPERTY + "=*)(!(" + HalDriver.SELECTED_PROPERTY + "=*)))";

    private final BundleContext context;
    private final Function<String, InterfaceSelection> selections;

    DriverTracker(BundleContext context, Function<String, InterfaceSelection> selections) {
        this.context = context;
        this.selections = selections;
    }

    @Override
    public Candidate addingService(ServiceReference<Object> reference) {
        if (!(reference.getProperty(HalDriver.INTERFACE_PROPERTY) instanceof String interfaceName)) {
            LOG.error("ignoring service {}: its {} property is not a single class name", reference,
                    HalDriver.INTERFACE_PROPERTY);
            return null;
        }
        Object service = context.getService(reference);
        if (!(service instanceof HalDriver driver)) {
            LOG.error("ignoring service {} registered as a {} driver: it does not implement {} (or another version"
                    + " of it)", reference, interfaceName, HalDriver.class.getName());
            if (service != null) {
                context.ungetService(reference);
            }
            return null;
        }
        Candidate candidate = new Candidate(interfaceName, reference, driver);
        selections.apply(interfaceName).add(candidate);
        return candidate;
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, Candidate candidate) {
        if (!candidate.interfaceName.equals(reference.getProperty(HalDriver.INTERFACE_PROPERTY))) {
            LOG.warn("driver service {} changed its {} property; it stays a candidate of {} until re-registered",
                    reference, HalDriver.INTERFACE_PROPERTY, candidate.interfaceName);
        }
        selections.apply(candidate.interfaceName).modified(candidate);
    }

    @Override
    public void removedService(ServiceReference<Object> reference, Candidate candidate) {
        selections.apply(candidate.interfaceName).remove(candidate);
        context.ungetService(reference);
    }
}
