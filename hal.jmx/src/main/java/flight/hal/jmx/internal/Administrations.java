package flight.hal.jmx.internal;

import java.util.function.Supplier;

import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceManager;

/** The resource administration the budget and pool MBeans read, which may go between two reads. */
final class Administrations {

    private Administrations() {
    }

    /**
     * The administration now held; an {@link IllegalStateException} (which a JMX client shows as the attribute's
     * error) when there is none, saying how to grant it.
     */
    static ResourceAdministration current(Supplier<ResourceAdministration> administration) {
        ResourceAdministration now = administration.get();
        if (now == null) {
            throw new IllegalStateException("no resource administration: the resources bundle is not running, or"
                    + " flight.hal.jmx is not in admin.bundles of PID " + ResourceManager.PID);
        }
        return now;
    }
}
