package flight.hal.resources.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.resources.PressureListener;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

/**
 * The pressure listener whiteboard: every level change is queued as it happens and delivered in order on one thread
 * of its own, to the listeners whose type filter accepts it, and to Event Admin with the level it left. A listener that
 * throws is logged; the others still hear.
 */
final class PressureNotifier implements PressureListener {
    private static final Logger LOG = LoggerFactory.getLogger(PressureNotifier.class);

    private record Subscription(PressureListener listener, TypeFilter filter) {
    }

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final ManagerEvents events;
    /** The level each type was last announced at; read and written on the delivery thread only. */
    private final Map<ResourceType, ResourcePressure> announced = new EnumMap<>(ResourceType.class);
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "hal-resource-pressure");
        thread.setDaemon(true);
        return thread;
    });

    PressureNotifier(ManagerEvents events) {
        this.events = events;
    }

    void add(PressureListener listener, Map<String, ?> properties) {
        subscriptions.add(new Subscription(listener, TypeFilter.of(properties)));
    }

    void remove(PressureListener listener) {
        subscriptions.removeIf(subscription -> subscription.listener() == listener);
    }

    @Override
    public void pressureChanged(ResourceType type, ResourcePressure pressure, ResourceStats stats) {
        LOG.info("{} pressure is now {}: {} bytes in use of {}", type, pressure, stats.currentUsage(),
                stats.budget().maxBytes());
        try {
            delivery.execute(() -> deliver(type, pressure, stats));
        } catch (RejectedExecutionException stopped) {
            LOG.debug("manager stopped; not delivering {} pressure {}", type, pressure);
        }
    }

    /** Every type starts at {@link ResourcePressure#NONE}, as its account does. */
    private void deliver(ResourceType type, ResourcePressure pressure, ResourceStats stats) {
        ResourcePressure before = announced.getOrDefault(type, ResourcePressure.NONE);
        announced.put(type, pressure);
        events.pressureChanged(type, before, pressure, stats);
        for (Subscription subscription : subscriptions) {
            if (subscription.filter().accepts(type)) {
                try {
                    subscription.listener().pressureChanged(type, pressure, stats);
                } catch (RuntimeException e) {
                    LOG.warn("pressure listener {} threw on {} {}", subscription.listener(), type, pressure, e);
                }
            }
        }
    }

    void stop() {
        delivery.shutdown();
    }
}
