package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.remoteserviceadmin.EndpointDescription;
import org.osgi.service.remoteserviceadmin.RemoteServiceAdmin;
import org.osgi.service.remoteserviceadmin.RemoteServiceAdminEvent;
import org.osgi.service.remoteserviceadmin.RemoteServiceAdminListener;

/**
 * The runtime's Remote Services (Aries RSA with the HAL's provider, README "More than one machine"): once the
 * configuration {@code flight.hal.remote} names a secret, a service marked for export with config type
 * {@code flight.hal} is exported by the topology manager under a stable endpoint id, on a listener bound to 127.0.0.1
 * only. The calls themselves, the secret and a node's death are tested across two JVMs in hal.remote.
 */
@RunWith(PaxExam.class)
public class RemoteServicesIT extends HalItSupport {

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return options(halFramework(), ourBundle("flight.hal.remote"), ourBundle("org.apache.aries.rsa.core"),
                ourBundle("org.apache.aries.rsa.spi"), ourBundle("org.apache.aries.rsa.topology-manager"),
                ourBundle("org.apache.aries.rsa.discovery.config"));
    }

    @Test
    public void aServiceMarkedForExportIsExportedOnTheLoopbackAddressOnceTheSecretIsConfigured() throws Exception {
        int port = freePort();
        Dictionary<String, Object> settings = new Hashtable<>();
        settings.put("secret", "it-secret");
        settings.put("port", port);
        configurationAdmin.getConfiguration("flight.hal.remote", "?").update(settings);
        awaitService("(objectClass=" + RemoteServiceAdmin.class.getName() + ")");

        Dictionary<String, Object> exported = new Hashtable<>();
        exported.put("service.exported.interfaces", "*");
        exported.put("service.exported.configs", "flight.hal");
        exported.put("flight.hal.remote.endpoint", "it-node/answer");
        // the topology manager exports on its own thread: RSA tells its listeners
        BlockingQueue<EndpointDescription> exports = new LinkedBlockingQueue<>();
        ServiceRegistration<RemoteServiceAdminListener> listener = context.registerService(
                RemoteServiceAdminListener.class, event -> {
                    if (event.getType() == RemoteServiceAdminEvent.EXPORT_REGISTRATION) {
                        exports.add(event.getExportReference().getExportedEndpoint());
                    }
                }, null);
        ServiceRegistration<IntSupplier> registration = context.registerService(IntSupplier.class, () -> 42,
                exported);
        try {
            EndpointDescription endpoint = exports.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull("exported within " + TIMEOUT_SECONDS + " s", endpoint);
            assertEquals("hal://127.0.0.1:" + port + "/it-node/answer", endpoint.getId());
            new Socket(InetAddress.getLoopbackAddress(), port).close();
            try (Socket other = new Socket("127.0.0.2", port)) {
                fail("the listener answers on 127.0.0.2: it is not bound to 127.0.0.1 only");
            } catch (IOException refused) {
                // bound to 127.0.0.1 only
            }
        } finally {
            registration.unregister();
            listener.unregister();
            configurationAdmin.getConfiguration("flight.hal.remote", "?").delete();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
