package flight.hal.remote.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.aries.rsa.spi.DistributionProvider;
import org.apache.aries.rsa.spi.Endpoint;
import org.osgi.framework.BundleContext;
import org.osgi.service.remoteserviceadmin.EndpointDescription;
import org.osgi.service.remoteserviceadmin.RemoteConstants;

/**
 * The HAL's Aries RSA distribution provider, config type {@value #CONFIG_TYPE}: services are exported on one
 * listener (opened at the first export, so a controller that only imports listens on nothing) and imported as proxies
 * over one persistent connection per node and importing bundle ({@link CallClient}), both ends holding the fleet
 * secret.
 *
 * <p>An endpoint's id is {@code hal://<host>:<port>/<name>}, the name taken from the exported service's
 * {@value #ENDPOINT_NAME} property (else its first interface): stable across node restarts, so a controller's
 * config-discovery entry keeps matching a node that comes back.
 */
final class HalDistributionProvider implements DistributionProvider, AutoCloseable {
    static final String CONFIG_TYPE = "flight.hal";
    static final String ENDPOINT_NAME = "flight.hal.remote.endpoint";

    private final RemoteSettings settings;
    private final Map<ClientKey, CallClient> clients = new ConcurrentHashMap<>();
    private CallServer server;

    HalDistributionProvider(RemoteSettings settings) {
        this.settings = settings;
    }

    @Override
    public String[] getSupportedTypes() {
        return new String[] {CONFIG_TYPE};
    }

    @Override
    public synchronized Endpoint exportService(Object service, BundleContext context,
            Map<String, Object> effectiveProperties, Class[] exportedInterfaces) {
        CallServer listener = server();
        Object name = effectiveProperties.get(ENDPOINT_NAME);
        String endpointId = endpointId(settings.bindHost(), listener.port(),
                name != null ? name.toString() : exportedInterfaces[0].getName());
        Map<String, Object> properties = new HashMap<>(effectiveProperties);
        properties.put(RemoteConstants.ENDPOINT_ID, endpointId);
        properties.put(RemoteConstants.SERVICE_IMPORTED_CONFIGS, CONFIG_TYPE);
        EndpointDescription description = new EndpointDescription(properties);
        listener.export(endpointId, service, exportedInterfaces.clone());
        return new Endpoint() {
            @Override
            public EndpointDescription description() {
                return description;
            }

            @Override
            public void close() {
                listener.unexport(endpointId);
            }
        };
    }

    @Override
    public Object importEndpoint(ClassLoader loader, BundleContext context, Class[] interfaces,
            EndpointDescription endpoint) {
        InetSocketAddress address = nodeAddress(endpoint.getId());
        CallClient client = clients.computeIfAbsent(new ClientKey(address, loader), key -> new CallClient(address,
                settings.secret(), settings.callTimeoutMillis(), name -> Class.forName(name, false, loader)));
        return Proxy.newProxyInstance(loader, interfaces, new RemoteInvocation(client, endpoint.getId()));
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(CallClient::close);
        clients.clear();
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the listener is gone either way
            }
            server = null;
        }
    }

    /** One connection per node and importing bundle: replies are read with the classes that bundle sees. */
    private record ClientKey(InetSocketAddress address, ClassLoader loader) {
    }

    /** The endpoint id of the service exported as {@code name} by the node listening on {@code host:port}. */
    static String endpointId(String host, int port, String name) {
        return "hal://" + host + ":" + port + "/" + name;
    }

    /** The node's address in an endpoint id {@code hal://<host>:<port>/<name>}; config discovery passes it as typed. */
    static InetSocketAddress nodeAddress(String endpointId) {
        URI id;
        try {
            id = new URI(endpointId);
        } catch (URISyntaxException e) {
            id = null;
        }
        if (id == null || !"hal".equals(id.getScheme()) || id.getHost() == null || id.getPort() < 0) {
            throw new IllegalArgumentException("endpoint.id " + endpointId + " is not hal://<host>:<port>/<name>");
        }
        return new InetSocketAddress(id.getHost(), id.getPort());
    }

    private CallServer server() {
        if (server == null) {
            try {
                server = new CallServer(settings.bindHost(), settings.port(), settings.secret());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + settings.bindHost() + ":" + settings.port(), e);
            }
        }
        return server;
    }
}
