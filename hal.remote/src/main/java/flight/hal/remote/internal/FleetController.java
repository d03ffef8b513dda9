package flight.hal.remote.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.remoteserviceadmin.RemoteConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.fleet.HalFleet;
import flight.hal.fleet.NodeState;
import flight.hal.fleet.NodeStatus;
import flight.hal.registry.InterfaceStatus;
import flight.hal.remote.internal.RemoteNode.Device;
import flight.hal.remote.internal.RemoteNode.Heartbeat;
import flight.hal.remote.internal.RemoteNode.InterfacesReply;

/**
 * The controller side: for every imported {@link RemoteNode} (imported by Remote Services), a heartbeat every
 * {@value #HEARTBEAT_MILLIS} ms whose answer keys the node's devices (listed again when the key changes), so one
 * {@code BlockDevice} driver per device, named {@code <node>/<device>}, comes and goes with them. A heartbeat that fails, or is not answered within
 * {@value #OVERDUE_MILLIS} ms, marks the node unreachable: its drivers become unavailable and the registry selects
 * local ones; the next answered heartbeat brings them back. The heartbeat's own thread makes every change of state and
 * registrations, in order; the calls to nodes run on a pool, so a hung node never holds up another.
 */
@Component(immediate = true)
public final class FleetController implements HalFleet {
    static final long HEARTBEAT_MILLIS = 500;
    static final long OVERDUE_MILLIS = 1000;
    static final long TICK_MILLIS = 100;
    static final int IO_THREADS = 16;
    static final int IO_QUEUE = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(FleetController.class);

    private final Map<RemoteNode, ImportedNode> nodes = new ConcurrentHashMap<>();
    /** The monitor {@link #awaitNodes} waits on; nothing else is done while holding it. */
    private final Object changes = new Object();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            daemon("flight.hal.fleet-heartbeat"));
    /** Sends the heartbeats: at most one in flight per node, so a hung node holds one thread. */
    private final ExecutorService heartbeats = Executors.newCachedThreadPool(daemon("flight.hal.fleet-ping"));
    /**
     * Runs the remote devices' submitted requests, so no caller waits for a node: a bounded pool, as a hung node
     * holds every thread that calls it until the call timeout (later calls fail at once, once it is marked); beyond
     * the queue a request is refused as {@code UNAVAILABLE}.
     */
    private final ExecutorService calls = ioPool();
    private volatile BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        heartbeat.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(service.imported=*)")
    void addNode(RemoteNode remote, Map<String, Object> properties) {
        Object name = properties.get(HalFleet.NODE_PROPERTY);
        if (name == null || name.toString().isBlank()) {
            LOG.warn("Imported node without a name ({}): left out", HalFleet.NODE_PROPERTY);
            return;
        }
        Object endpoint = properties.get(RemoteConstants.ENDPOINT_ID);
        nodes.put(remote, new ImportedNode(name.toString(), endpoint == null ? "" : endpoint.toString(), remote,
                this::publishLater));
        signal();
    }

    void removeNode(RemoteNode remote) {
        ImportedNode node = nodes.remove(remote);
        if (node != null) {
            node.remove();
            signal();
        }
    }

    @Deactivate
    void deactivate() {
        heartbeat.shutdownNow();
        heartbeats.shutdownNow();
        calls.shutdownNow();
        nodes.values().forEach(ImportedNode::remove);
        nodes.clear();
    }

    @Override
    public List<NodeStatus> nodes() {
        return nodes.values().stream().map(ImportedNode::status).sorted(Comparator.comparing(NodeStatus::name))
                .toList();
    }

    @Override
    public HalResult<List<NodeStatus>> awaitNodes(NodeState state, Duration timeout) {
        Objects.requireNonNull(state, "state");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (true) {
                List<NodeStatus> nodes = nodes();
                List<String> others = nodes.stream().filter(node -> node.state() != state)
                        .map(node -> node.name() + " " + node.state()).toList();
                if (!nodes.isEmpty() && others.isEmpty()) {
                    return HalResult.ok(nodes);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return HalResult.err(HalError.timeout("not every node was " + state + " within "
                            + timeout.toMillis() + " ms: " + (nodes.isEmpty() ? "no node imported" : others)));
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(changes, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return HalResult.err(HalError.timeout("interrupted while waiting for the nodes"));
                }
            }
        }
    }

    /** Wakes {@link #awaitNodes} callers: a node came, went or changed its state. */
    private void signal() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    @Override
    public HalResult<List<InterfaceStatus>> interfaces(String name) {
        ImportedNode node = nodes.values().stream().filter(each -> each.name().equals(name)).findFirst().orElse(null);
        if (node == null) {
            return HalResult.err(new HalError(ErrorCategory.NOT_FOUND, UNKNOWN_NODE, "no node named " + name
                    + " is imported; hal:nodes lists them"));
        }
        if (node.health().state() == NodeState.UNREACHABLE) {
            return HalResult.err(new HalError(ErrorCategory.UNAVAILABLE, NODE_UNREACHABLE, "node " + name
                    + " is unreachable: its heartbeat is not answered"));
        }
        InterfacesReply reply;
        try {
            reply = node.remote().interfaces();
        } catch (RuntimeException e) {
            reply = null;
        }
        if (reply == null) {
            return HalResult.err(new HalError(ErrorCategory.UNAVAILABLE, NODE_UNREACHABLE, "node " + name
                    + " did not answer"));
        }
        if (reply.failure() != null) {
            return HalResult.err(reply.failure().toError());
        }
        return HalResult.ok(reply.interfaces().stream().map(RemoteNode.NodeInterface::toStatus).toList());
    }

    /** On the heartbeat's thread: sends the heartbeats that are due, marks nodes whose answer is overdue. */
    private void tick() {
        long now = System.nanoTime();
        for (ImportedNode node : nodes.values()) {
            switch (node.heartbeatDue(now, TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MILLIS),
                    TimeUnit.MILLISECONDS.toNanos(OVERDUE_MILLIS))) {
                case SEND -> send(node, now);
                case OVERDUE -> changed(node);
                case WAIT -> { }
            }
        }
    }

    private void send(ImportedNode node, long sentAt) {
        try {
            heartbeats.execute(() -> {
                Heartbeat answer;
                try {
                    answer = node.remote().heartbeat();
                } catch (RuntimeException e) {
                    answer = null;
                    LOG.debug("Node {} did not answer its heartbeat", node.name(), e);
                }
                Duration roundTrip = Duration.ofNanos(System.nanoTime() - sentAt);
                boolean answered = answer != null && node.name().equals(answer.node()) && answer.devicesKey() != null;
                Listing listing = answered ? list(node, answer.devicesKey()) : null;
                onHeartbeatThread(() -> answered(node, answered, roundTrip, listing));
            });
        } catch (RejectedExecutionException e) {
            // deactivated meanwhile
        }
    }

    /** A node's devices under the heartbeat's key they were listed for. */
    private record Listing(String key, List<Device> devices) {
    }

    /** The node's devices when their key changed since they were last listed, else null (nothing to follow). */
    private static Listing list(ImportedNode node, String key) {
        if (key.equals(node.listedKey())) {
            return null;
        }
        try {
            List<Device> devices = node.remote().devices();
            return devices == null ? null : new Listing(key, devices);
        } catch (RuntimeException e) {
            LOG.debug("Node {} did not list its devices", node.name(), e);
            return null; // listed again at the next heartbeat
        }
    }

    private void answered(ImportedNode node, boolean answered, Duration roundTrip, Listing listing) {
        boolean changed = node.heartbeatEnded(answered, Instant.now(), roundTrip);
        if (listing != null && context != null) {
            changed |= node.follow(listing.devices(), context, calls);
            node.listed(listing.key());
        }
        if (changed) {
            changed(node);
        }
    }

    private void changed(ImportedNode node) {
        LOG.info("Node {} is {}", node.name(), node.health().state());
        node.publish();
        signal();
    }

    private void publishLater(ImportedNode node) {
        onHeartbeatThread(() -> changed(node));
    }

    private void onHeartbeatThread(Runnable task) {
        try {
            heartbeat.execute(task);
        } catch (RejectedExecutionException e) {
            // deactivated meanwhile
        }
    }

    private static ExecutorService ioPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(IO_THREADS, IO_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(IO_QUEUE), daemon("flight.hal.remote-io"));
        pool.allowCoreThreadTimeOut(true); // no thread kept while no remote device is used
        return pool;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
