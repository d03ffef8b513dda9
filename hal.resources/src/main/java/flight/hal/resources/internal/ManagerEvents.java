package flight.hal.resources.internal;

import java.util.Map;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.resources.ResourceEvents;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

/**
 * Posts the manager's pressure changes and leaks to Event Admin when one is bound, on the topics and with the
 * properties {@link ResourceEvents} documents. Event Admin is another bundle: callers post holding no lock of the
 * manager, and an Event Admin that throws is logged, never passed on.
 */
final class ManagerEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerEvents.class);

    private final Supplier<EventAdmin> eventAdmin;

    /** {@code eventAdmin} gives the Event Admin bound now, or null while there is none. */
    ManagerEvents(Supplier<EventAdmin> eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    void pressureChanged(ResourceType type, ResourcePressure before, ResourcePressure after, ResourceStats stats) {
        post(ResourceEvents.PRESSURE_CHANGED, Map.of(ResourceEvents.TYPE, type.name(),
                ResourceEvents.OLD_LEVEL, before.name(), ResourceEvents.NEW_LEVEL, after.name(),
                ResourceEvents.USAGE, stats.currentUsage(), ResourceEvents.MAX, stats.budget().maxBytes()));
    }

    void leakDetected(ResourceLeak leak) {
        post(ResourceEvents.LEAK_DETECTED, Map.of(ResourceEvents.TYPE, leak.handle().type().name(),
                ResourceEvents.HANDLE, leak.handle().toString(), ResourceEvents.HANDLE_ID, leak.handle().id(),
                ResourceEvents.SIZE, leak.handle().sizeBytes(), ResourceEvents.CAUSE, leak.cause().name(),
                ResourceEvents.ACQUISITION_SITE, leak.acquiredAt(),
                ResourceEvents.OWNER_BUNDLE_ID, leak.handle().ownerBundleId(),
                ResourceEvents.OWNER_SYMBOLIC_NAME, leak.handle().ownerSymbolicName()));
    }

    private void post(String topic, Map<String, ?> properties) {
        EventAdmin admin = eventAdmin.get();
        if (admin == null) {
            return;
        }
        try {
            admin.postEvent(new Event(topic, properties));
        } catch (RuntimeException e) {
            LOG.warn("Event Admin {} refused an event on {}", admin, topic, e);
        }
    }
}
