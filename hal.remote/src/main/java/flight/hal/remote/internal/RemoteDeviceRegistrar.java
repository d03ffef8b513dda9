package flight.hal.remote.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.storage.BlockDevice;
import flight.hal.remote.internal.RemoteNode.Device;

/**
 * The controller side: for every imported {@link RemoteNode} (a node's devices, imported by Remote Services),
 * registers one {@link BlockDevice} driver per device, named {@code <node>/<device>}, and unregisters them when the
 * import goes. The node is asked for its devices off the DS thread, again every {@value #RETRY_SECONDS} s until it
 * answers (a controller may start before its nodes).
 */
@Component(immediate = true, service = {})
public final class RemoteDeviceRegistrar {
    static final int RETRY_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(RemoteDeviceRegistrar.class);

    private final Map<RemoteNode, ImportedNode> nodes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService listing = Executors.newSingleThreadScheduledExecutor(
            daemon("flight.hal.remote-listing"));
    /** Runs the remote devices' submitted requests, so no caller waits for a node on its own thread. */
    private final ExecutorService io = Executors.newCachedThreadPool(daemon("flight.hal.remote-io"));
    private volatile BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        nodes.values().forEach(this::schedule);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(service.imported=*)")
    void addNode(RemoteNode remote, Map<String, Object> properties) {
        Object name = properties.get(RemoteNode.NODE_NAME_PROPERTY);
        if (name == null || name.toString().isBlank()) {
            LOG.warn("Imported block devices without a node name ({}): left out", RemoteNode.NODE_NAME_PROPERTY);
            return;
        }
        ImportedNode node = new ImportedNode(name.toString(), remote);
        nodes.put(remote, node);
        if (context != null) {
            schedule(node);
        }
    }

    void removeNode(RemoteNode remote) {
        ImportedNode node = nodes.remove(remote);
        if (node != null) {
            node.remove();
        }
    }

    @Deactivate
    void deactivate() {
        listing.shutdownNow();
        io.shutdownNow();
        nodes.values().forEach(ImportedNode::remove);
        nodes.clear();
    }

    private void schedule(ImportedNode node) {
        if (node.startListing()) {
            listing.execute(() -> list(node));
        }
    }

    /** Asks the node for its devices and registers them; tries again later while the node does not answer. */
    private void list(ImportedNode node) {
        if (node.removed()) {
            return;
        }
        List<Device> devices;
        try {
            devices = node.remote().devices();
        } catch (RuntimeException e) {
            devices = null;
            LOG.debug("Node {} did not list its devices", node.name(), e);
        }
        if (devices == null) {
            try {
                listing.schedule(() -> list(node), RETRY_SECONDS, TimeUnit.SECONDS);
            } catch (RejectedExecutionException e) {
                // deactivated meanwhile: nothing to list any more
            }
            return;
        }
        for (Device device : devices) {
            RemoteBlockDevice driver = new RemoteBlockDevice(node.name(), device, node.remote(), io);
            try {
                node.add(context.registerService(BlockDevice.class, driver, properties(node.name(), driver.name())));
            } catch (IllegalStateException e) {
                return; // this bundle is stopping
            }
        }
        LOG.info("Node {}: {} remote block devices registered", node.name(), devices.size());
    }

    static Dictionary<String, Object> properties(String node, String driverName) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(BlockDevice.INTERFACE_PROPERTY, BlockDevice.class.getName());
        properties.put(BlockDevice.NAME_PROPERTY, driverName);
        properties.put(RemoteNode.NODE_NAME_PROPERTY, node);
        return properties;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
