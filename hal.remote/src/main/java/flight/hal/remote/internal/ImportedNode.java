package flight.hal.remote.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.fleet.HalFleet;
import flight.hal.fleet.NodeStatus;
import flight.hal.remote.internal.RemoteNode.Device;
import flight.hal.storage.BlockDevice;

/**
 * One imported node on the controller: its proxy, its health and the remote drivers registered for its devices. The
 * heartbeat's thread alone changes the registrations ({@link #follow}, {@link #publish}); {@link #remove} may come from
 * any thread, so the map is guarded, and the framework is never called while the guard is held.
 */
final class ImportedNode {
    /** Service property of a remote driver: its node's {@link flight.hal.fleet.NodeState}, so a change is an event. */
    static final String STATE_PROPERTY = "flight.hal.node.state";
    private static final Logger LOG = LoggerFactory.getLogger(ImportedNode.class);

    private final String name;
    private final String endpointId;
    private final RemoteNode remote;
    private final NodeHealth health = new NodeHealth();
    private final Consumer<ImportedNode> healthChanged;
    private final Map<String, Registered> registered = new HashMap<>();
    private boolean removed;
    /** {@link System#nanoTime()} the heartbeat in flight was sent at, or 0; the heartbeat's thread only. */
    private long heartbeatSent;
    private long lastHeartbeat;
    /** The heartbeat's key of the devices last followed; written by the heartbeat's thread, read by the pings'. */
    private volatile String listedKey;

    /** {@code healthChanged} is told when a call (not the heartbeat) finds the node unreachable. */
    ImportedNode(String name, String endpointId, RemoteNode remote, Consumer<ImportedNode> healthChanged) {
        this.name = name;
        this.endpointId = endpointId;
        this.remote = remote;
        this.healthChanged = healthChanged;
    }

    private record Registered(RemoteBlockDevice driver, ServiceRegistration<BlockDevice> registration) {
    }

    String name() {
        return name;
    }

    RemoteNode remote() {
        return remote;
    }

    NodeHealth health() {
        return health;
    }

    boolean reachable() {
        return health.reachable();
    }

    String listedKey() {
        return listedKey;
    }

    /** The devices under {@code key} were followed. */
    void listed(String key) {
        listedKey = key;
    }

    /** A call found the node unreachable: its drivers are unavailable now, and the registry is told. */
    void callUnanswered() {
        if (health.unanswered()) {
            healthChanged.accept(this);
        }
    }

    /**
     * Whether a heartbeat is due at {@code now}; marks the node unreachable when the one in flight is older than
     * {@code overdueNanos} (a hung node keeps it in flight until the call timeout).
     */
    Heartbeat heartbeatDue(long now, long intervalNanos, long overdueNanos) {
        if (heartbeatSent != 0) {
            return now - heartbeatSent > overdueNanos && health.unanswered() ? Heartbeat.OVERDUE : Heartbeat.WAIT;
        }
        if (lastHeartbeat != 0 && now - lastHeartbeat < intervalNanos) {
            return Heartbeat.WAIT;
        }
        heartbeatSent = now;
        lastHeartbeat = now;
        return Heartbeat.SEND;
    }

    /** What the heartbeat does for a node at a tick. */
    enum Heartbeat { WAIT, SEND, OVERDUE }

    /** The heartbeat in flight ended; {@code true} when it changed the node's health. */
    boolean heartbeatEnded(boolean answered, Instant at, Duration roundTrip) {
        heartbeatSent = 0;
        return answered ? health.answered(at, roundTrip) : health.unanswered();
    }

    /**
     * Follows the node's devices: registers a remote driver for each new one, withdraws those the node no longer has
     * and updates the others in place. {@code true} when an existing driver changed (its properties must be published).
     */
    boolean follow(List<Device> devices, BundleContext context, Executor io) {
        Map<String, Device> now = new HashMap<>();
        devices.forEach(device -> now.put(device.name(), device));
        List<Registered> gone = new ArrayList<>();
        List<Device> added = new ArrayList<>();
        boolean changed = false;
        synchronized (this) {
            if (removed) {
                return false;
            }
            for (var it = registered.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                Device current = now.remove(entry.getKey());
                if (current == null) {
                    gone.add(entry.getValue());
                    it.remove();
                } else {
                    changed |= entry.getValue().driver().update(current);
                }
            }
            added.addAll(now.values());
        }
        gone.forEach(withdrawn -> unregister(withdrawn.registration()));
        for (Device device : added) {
            RemoteBlockDevice driver = new RemoteBlockDevice(this, device, io);
            ServiceRegistration<BlockDevice> registration;
            try {
                registration = context.registerService(BlockDevice.class, driver, properties(driver));
            } catch (IllegalStateException e) {
                return false; // this bundle is stopping
            }
            keep(device.name(), new Registered(driver, registration));
        }
        if (!gone.isEmpty() || !added.isEmpty()) {
            LOG.info("Node {}: {} remote block devices ({} new, {} withdrawn)", name, devices.size(), added.size(),
                    gone.size());
        }
        return changed;
    }

    private void keep(String device, Registered registration) {
        synchronized (this) {
            if (!removed) {
                registered.put(device, registration);
                return;
            }
        }
        unregister(registration.registration());
    }

    /** Publishes every remote driver's properties, so the registry looks at their availability again. */
    void publish() {
        for (Registered each : registrations()) {
            try {
                each.registration().setProperties(properties(each.driver()));
            } catch (IllegalStateException e) {
                // withdrawn meanwhile
            }
        }
    }

    Dictionary<String, Object> properties(RemoteBlockDevice driver) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(BlockDevice.INTERFACE_PROPERTY, BlockDevice.class.getName());
        properties.put(BlockDevice.NAME_PROPERTY, driver.name());
        properties.put(Constants.SERVICE_RANKING, driver.ranking());
        properties.put(HalFleet.NODE_PROPERTY, name);
        properties.put(STATE_PROPERTY, health.state().name());
        return properties;
    }

    NodeStatus status() {
        List<String> drivers = registrations().stream().map(each -> each.driver().name()).sorted().toList();
        return new NodeStatus(name, endpointId, health.state(), health.lastSeen(), health.roundTrip(), drivers);
    }

    private synchronized List<Registered> registrations() {
        return new ArrayList<>(registered.values());
    }

    /** Withdraws every driver of the node; outside the guard, as unregistering calls other bundles' listeners. */
    void remove() {
        List<Registered> withdrawn;
        synchronized (this) {
            removed = true;
            withdrawn = new ArrayList<>(registered.values());
            registered.clear();
        }
        withdrawn.forEach(each -> unregister(each.registration()));
    }

    private static void unregister(ServiceRegistration<BlockDevice> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already unregistered: the framework is stopping
        }
    }
}
