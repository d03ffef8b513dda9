package flight.hal.remote.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.remoteserviceadmin.RemoteConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalDriver;
import flight.hal.fleet.HalFleet;
import flight.hal.registry.HalRegistry;
import flight.hal.storage.BlockDevice;

/**
 * Makes this runtime a node once the configuration {@value #PID} exists: exports its heartbeat, its registry's view
 * and its block devices as one {@link RemoteNode} service through the HAL provider ({@code service.exported.configs=flight.hal}), carrying
 * the node's name. It exports only the interfaces the configuration names; anything but {@code BlockDevice} is
 * refused in the log. The provider itself still needs {@code flight.hal.remote}'s secret to export anything.
 */
@Designate(ocd = NodeMetatype.class)
@Component(configurationPid = NodeComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
public final class NodeComponent {
    static final String PID = "flight.hal.node";
    /** The endpoint name of the node's devices: the endpoint id is {@code hal://host:port/node}. */
    static final String ENDPOINT = "node";
    private static final Logger LOG = LoggerFactory.getLogger(NodeComponent.class);

    /**
     * The node's own block devices, each once: neither imported ones, nor the controller's remote devices, nor the
     * registry's republications of a device.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(|(service.imported=*)(" + HalFleet.NODE_PROPERTY + "=*)("
                    + HalDriver.SELECTED_PROPERTY + "=*)))")
    final List<Map.Entry<Map<String, Object>, BlockDevice>> devices = new CopyOnWriteArrayList<>();

    /** The node's registry, whose view {@code hal:drivers --all} shows on the controller. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile HalRegistry registry;

    private ServiceRegistration<RemoteNode> registration;

    @Activate
    void activate(BundleContext context, NodeMetatype config) {
        String name = config.name() == null ? "" : config.name().strip();
        if (name.isEmpty() || name.contains("/")) {
            LOG.error("Not a node: configuration {} needs a name without '/', got '{}'", PID, config.name());
            return;
        }
        boolean blockDevices = false;
        for (String exported : config.interfaces()) {
            if (BlockDevice.class.getName().equals(exported)) {
                blockDevices = true;
            } else {
                LOG.error("Node {} cannot export {}: only {} can be exported for now", name, exported,
                        BlockDevice.class.getName());
            }
        }
        if (!blockDevices) {
            LOG.warn("Node {} exports nothing: configuration {} names no interface it can export", name, PID);
            return;
        }
        registration = context.registerService(RemoteNode.class, new NodeServer(name, () -> devices, () -> registry),
                exportProperties(name));
        LOG.info("Node {} exports its block devices", name);
    }

    static Dictionary<String, Object> exportProperties(String name) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(RemoteConstants.SERVICE_EXPORTED_INTERFACES, RemoteNode.class.getName());
        properties.put(RemoteConstants.SERVICE_EXPORTED_CONFIGS, HalDistributionProvider.CONFIG_TYPE);
        properties.put(HalDistributionProvider.ENDPOINT_NAME, ENDPOINT);
        properties.put(HalFleet.NODE_PROPERTY, name);
        return properties;
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
