package flight.hal.registry.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.registry.SelectionEvent;
import flight.hal.registry.SelectionListener;

/**
 * Delivers selection changes to the whiteboard listeners in order, on one thread of its own: a listener never runs on
 * the thread that registered or unregistered a driver, and one that throws does not stop the others.
 */
final class SelectionNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(SelectionNotifier.class);

    private record Subscriber(SelectionListener listener, Set<String> interfaces) {
        boolean wants(String interfaceName) {
            return interfaces.isEmpty() || interfaces.contains(interfaceName);
        }
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "hal-selection-events");
        thread.setDaemon(true);
        return thread;
    });

    void add(SelectionListener listener, Map<String, ?> properties) {
        Object filter = properties.get(SelectionListener.INTERFACE_FILTER_PROPERTY);
        Set<String> interfaces = filter instanceof String one ? Set.of(one)
                : filter instanceof String[] many ? Set.of(many) : Set.of();
        subscribers.add(new Subscriber(listener, interfaces));
    }

    void remove(SelectionListener listener) {
        subscribers.removeIf(subscriber -> subscriber.listener() == listener);
    }

    void announce(SelectionEvent event) {
        try {
            executor.execute(() -> deliver(event));
        } catch (RejectedExecutionException stopped) {
            LOG.debug("registry stopped; not announcing {}", event);
        }
    }

    private void deliver(SelectionEvent event) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.wants(event.interfaceName())) {
                try {
                    subscriber.listener().selectionChanged(event);
                } catch (RuntimeException e) {
                    LOG.warn("selection listener {} threw on {}", subscriber.listener(), event, e);
                }
            }
        }
    }

    /** Delivers what is queued, then stops. */
    void stop() {
        executor.shutdown();
    }
}
