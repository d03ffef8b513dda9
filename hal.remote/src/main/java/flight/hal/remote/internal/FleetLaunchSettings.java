package flight.hal.remote.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.remoteserviceadmin.RemoteConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.fleet.HalFleet;

/**
 * Turns launch properties into the fleet's configurations, so a node and a controller each start with one command:
 * {@value #SECRET_FILE} (a file holding the fleet secret; never the secret itself, which {@code ps} would show),
 * {@value #PORT} and {@value #BIND_HOST} give {@code flight.hal.remote}; {@value #NODE_NAME} makes the runtime the node
 * of that name ({@code flight.hal.node}); {@value #NODES} ({@code name@host:port,...}) imports those nodes, one
 * config-discovery entry each. A configuration is written only when it differs, so a restart with the same command
 * restarts nothing; without these properties nothing is written, and what was configured stays.
 */
@Component(immediate = true, service = {})
public final class FleetLaunchSettings {
    static final String SECRET_FILE = "flight.hal.fleet.secretFile";
    static final String PORT = "flight.hal.fleet.port";
    static final String BIND_HOST = "flight.hal.fleet.bindHost";
    static final String NODE_NAME = "flight.hal.node.name";
    static final String NODES = "flight.hal.fleet.nodes";
    static final String DISCOVERY_PID = "org.apache.aries.rsa.discovery.config";
    private static final Pattern NODE = Pattern.compile("([^/@,\\s]+)@([^:,\\s]+):(\\d{1,5})");
    private static final Logger LOG = LoggerFactory.getLogger(FleetLaunchSettings.class);

    @Reference
    ConfigurationAdmin configurationAdmin;

    @Activate
    void activate(BundleContext context) {
        try {
            apply(context::getProperty);
        } catch (IOException | RuntimeException e) {
            LOG.error("The fleet's launch properties could not be applied", e);
        }
    }

    /** Where launch properties come from; {@code null} for one that is not set. */
    interface LaunchProperties {
        String get(String key);
    }

    void apply(LaunchProperties launch) throws IOException {
        String secretFile = launch.get(SECRET_FILE);
        if (secretFile != null) {
            remoteSettings(secretFile, launch.get(PORT), launch.get(BIND_HOST));
        }
        String node = launch.get(NODE_NAME);
        if (node != null) {
            Map<String, Object> settings = new HashMap<>();
            settings.put("name", node.strip());
            update(configurationAdmin.getConfiguration(NodeComponent.PID, "?"), settings);
        }
        String nodes = launch.get(NODES);
        if (nodes != null) {
            for (String entry : nodes.split(",")) {
                importNode(entry.strip());
            }
        }
    }

    private void remoteSettings(String secretFile, String port, String bindHost) throws IOException {
        String secret;
        try {
            secret = Files.readString(Path.of(secretFile), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            LOG.error("{}={}: the fleet secret cannot be read ({}); nothing is exported or imported", SECRET_FILE,
                    secretFile, e.toString());
            return;
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put("secret", secret);
        if (port != null) {
            settings.put("port", port.strip());
        }
        if (bindHost != null) {
            settings.put("bindHost", bindHost.strip());
        }
        update(configurationAdmin.getConfiguration(RemoteServicesComponent.PID, "?"), settings);
    }

    private void importNode(String entry) throws IOException {
        Matcher node = NODE.matcher(entry);
        if (!node.matches() || Integer.parseInt(node.group(3)) > 65_535) {
            LOG.error("{}: '{}' is not name@host:port; that node is not imported", NODES, entry);
            return;
        }
        Map<String, Object> endpoint = new HashMap<>();
        endpoint.put(RemoteConstants.ENDPOINT_ID, HalDistributionProvider.endpointId(node.group(2),
                Integer.parseInt(node.group(3)), NodeComponent.ENDPOINT));
        endpoint.put("objectClass", RemoteNode.class.getName());
        endpoint.put(RemoteConstants.SERVICE_IMPORTED_CONFIGS, HalDistributionProvider.CONFIG_TYPE);
        endpoint.put(HalFleet.NODE_PROPERTY, node.group(1));
        update(configurationAdmin.getFactoryConfiguration(DISCOVERY_PID, node.group(1), "?"), endpoint);
    }

    /** Updates {@code configuration} unless it already holds exactly {@code wanted}. */
    private static void update(Configuration configuration, Map<String, Object> wanted) throws IOException {
        Dictionary<String, Object> current = configuration.getProperties();
        if (current != null && same(current, wanted)) {
            return;
        }
        configuration.update(new Hashtable<>(wanted));
        LOG.info("Configuration {} set from the launch properties", configuration.getPid());
    }

    private static boolean same(Dictionary<String, Object> current, Map<String, Object> wanted) {
        int own = 0;
        for (Enumeration<String> keys = current.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (key.startsWith("service.") && !key.startsWith("service.imported")) {
                continue; // service.pid, service.factoryPid, service.bundleLocation: Config Admin's own
            }
            own++;
            if (!Objects.equals(String.valueOf(current.get(key)), String.valueOf(wanted.get(key)))) {
                return false;
            }
        }
        return own == wanted.size();
    }
}
