package flight.hal.remote.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

import org.apache.aries.rsa.spi.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceException;
import org.osgi.service.remoteserviceadmin.EndpointDescription;

class HalDistributionProviderTest {
    private static final String SECRET = "fleet-secret";

    /** The remote interface of these tests. */
    public interface Echo {
        byte[] echo(byte[] data);

        String fail(String message);

        String await(String released);

        Object mirror(Object value);
    }

    private static final class EchoService implements Echo {
        private final CountDownLatch release = new CountDownLatch(1);

        @Override
        public byte[] echo(byte[] data) {
            return data;
        }

        @Override
        public String fail(String message) {
            throw new IllegalStateException(message);
        }

        @Override
        public Object mirror(Object value) {
            if (value instanceof String text) {
                return text.equals("nested") ? List.of(new Object()) : new Object();
            }
            return value;
        }

        @Override
        public String await(String released) {
            try {
                release.await(); // a node that stopped answering
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return released;
        }
    }

    private final Map<String, HalDistributionProvider> providers = new HashMap<>();

    @AfterEach
    void closeProviders() {
        providers.values().forEach(HalDistributionProvider::close);
    }

    private HalDistributionProvider provider(String key, int port, String secret) {
        HalDistributionProvider provider = new HalDistributionProvider(
                new RemoteSettings("127.0.0.1", port, secret, 1000));
        providers.put(key, provider);
        return provider;
    }

    private static EndpointDescription export(HalDistributionProvider node, String name) {
        return export(node, name, new EchoService());
    }

    private static EndpointDescription export(HalDistributionProvider node, String name, EchoService service) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Constants.OBJECTCLASS, new String[] {Echo.class.getName()});
        properties.put(HalDistributionProvider.ENDPOINT_NAME, name);
        Endpoint endpoint = node.exportService(service, null, properties, new Class<?>[] {Echo.class});
        return endpoint.description();
    }

    private static Echo importEcho(HalDistributionProvider controller, EndpointDescription endpoint) {
        return (Echo) controller.importEndpoint(Echo.class.getClassLoader(), null, new Class<?>[] {Echo.class},
                endpoint);
    }

    @Test
    void aCallCarriesTheBytesThereAndBack() {
        EndpointDescription endpoint = export(provider("node", 0, SECRET), "node1/echo");
        Echo remote = importEcho(provider("controller", 0, SECRET), endpoint);

        byte[] data = new byte[1 << 20];
        new Random(7).nextBytes(data);
        assertArrayEquals(data, remote.echo(data));
        assertArrayEquals(new byte[] {1, 2, 3}, remote.echo(new byte[] {1, 2, 3}));
    }

    @Test
    void theEndpointIdIsTheNodesAddressAndTheServicesNameSoItSurvivesARestart() {
        HalDistributionProvider node = provider("node", 0, SECRET);
        EndpointDescription endpoint = export(node, "node1/echo");

        assertTrue(endpoint.getId().startsWith("hal://127.0.0.1:"), endpoint.getId());
        assertTrue(endpoint.getId().endsWith("/node1/echo"), endpoint.getId());
        assertEquals(java.util.List.of(HalDistributionProvider.CONFIG_TYPE), endpoint.getConfigurationTypes());
    }

    @Test
    void aCallerWithAnotherSecretIsRefused() {
        EndpointDescription endpoint = export(provider("node", 0, SECRET), "node1/echo");
        Echo intruder = importEcho(provider("intruder", 0, "guessed"), endpoint);

        ServiceException refused = assertThrows(ServiceException.class, () -> intruder.echo(new byte[1]));
        assertEquals(ServiceException.REMOTE, refused.getType());
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
    }

    @Test
    void anExceptionOnTheNodeIsARemoteServiceExceptionOnTheCaller() {
        EndpointDescription endpoint = export(provider("node", 0, SECRET), "node1/echo");
        Echo remote = importEcho(provider("controller", 0, SECRET), endpoint);

        ServiceException failed = assertThrows(ServiceException.class, () -> remote.fail("medium gone"));
        assertEquals(ServiceException.REMOTE, failed.getType());
        assertTrue(failed.getMessage().contains("medium gone"), failed.getMessage());
        assertArrayEquals(new byte[] {9}, remote.echo(new byte[] {9}), "the connection survives a failed call");
    }

    @Test
    void aDeadNodeFailsTheCallAndTheSameProxyWorksWhenTheNodeReturns() throws IOException {
        int port = freePort();
        HalDistributionProvider node = provider("node", port, SECRET);
        EndpointDescription endpoint = export(node, "node1/echo");
        Echo remote = importEcho(provider("controller", 0, SECRET), endpoint);
        assertArrayEquals(new byte[] {1}, remote.echo(new byte[] {1}));

        node.close();
        ServiceException unreachable = assertThrows(ServiceException.class, () -> remote.echo(new byte[] {2}));
        assertEquals(ServiceException.REMOTE, unreachable.getType());

        export(provider("node", port, SECRET), "node1/echo");
        assertArrayEquals(new byte[] {3}, remote.echo(new byte[] {3}));
    }

    @Test
    void aNodeThatStopsAnsweringFailsTheCallAfterTheTimeoutAndTheNextCallReconnects() {
        EchoService service = new EchoService();
        EndpointDescription endpoint = export(provider("node", 0, SECRET), "node1/echo", service);
        Echo remote = importEcho(provider("controller", 0, SECRET), endpoint);

        try {
            ServiceException timedOut = assertThrows(ServiceException.class, () -> remote.await("late"));
            assertEquals(ServiceException.REMOTE, timedOut.getType());
            assertTrue(timedOut.getMessage().contains("unreachable"), timedOut.getMessage());
        } finally {
            service.release.countDown();
        }
        assertArrayEquals(new byte[] {4}, remote.echo(new byte[] {4}));
    }

    @Test
    void anEndpointIdThatIsNotAHalAddressIsRefusedWithWhatItShouldBe() {
        assertEquals(new InetSocketAddress("127.0.0.1", 8701),
                HalDistributionProvider.nodeAddress("hal://127.0.0.1:8701/a/b"));
        for (String id : new String[] {"tcp://127.0.0.1:8701/a", "hal://127.0.0.1/a", "hal:// bad", "node1/sd0"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> HalDistributionProvider.nodeAddress(id));
            assertTrue(refused.getMessage().contains("is not hal://<host>:<port>/<name>"), refused.getMessage());
        }
    }

    @Test
    void whatCannotBeSerializedIsANamedErrorAndTheConnectionSurvives() {
        EndpointDescription endpoint = export(provider("node", 0, SECRET), "node1/echo");
        Echo remote = importEcho(provider("controller", 0, SECRET), endpoint);

        ServiceException argument = assertThrows(ServiceException.class, () -> remote.mirror(new Object()));
        assertTrue(argument.getMessage().contains("an argument is not Serializable"), argument.getMessage());
        ServiceException result = assertThrows(ServiceException.class, () -> remote.mirror("an Object back"));
        assertTrue(result.getMessage().contains("mirror returned a java.lang.Object, which is not Serializable"),
                result.getMessage());
        assertArrayEquals(new byte[] {5}, remote.echo(new byte[] {5}));
    }

    @Test
    void aReplyThatCannotBeSentIsANamedErrorAndTheConnectionSurvives() {
        EndpointDescription endpoint = export(provider("node", 0, SECRET), "node1/echo");
        Echo remote = importEcho(provider("controller", 0, SECRET), endpoint);
        assertArrayEquals(new byte[] {4}, remote.echo(new byte[] {4}));

        ServiceException nested = assertThrows(ServiceException.class, () -> remote.mirror("nested"));
        assertTrue(nested.getMessage().contains("mirror's reply cannot be sent: java.io.NotSerializableException"),
                nested.getMessage());
        assertArrayEquals(new byte[] {5}, remote.echo(new byte[] {5}));
    }

    @Test
    void nothingListensBeforeTheFirstExport() throws IOException {
        int port = freePort();
        HalDistributionProvider node = provider("node", port, SECRET);

        assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        export(node, "node1/echo");
        new Socket(InetAddress.getLoopbackAddress(), port).close();
    }

    @Test
    void theListenerBindsTheLoopbackAddressOnly() throws IOException {
        int port = freePort();
        export(provider("node", port, SECRET), "node1/echo");

        try (ServerSocket other = new ServerSocket()) {
            // another address on the same port is free when the node bound only 127.0.0.1
            other.bind(new java.net.InetSocketAddress("127.0.0.2", port));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
