package flight.hal.remote.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.ServiceException;

/**
 * The HAL's distribution provider between two JVMs on 127.0.0.1, through Aries RSA's topology manager and config
 * discovery: a node JVM ({@link ProbeNode}) exports a file device, frameworks in this JVM import it. Every node
 * process and framework is ended after each test.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RemoteServicesAcrossJvmsTest {
    private static final String PROVIDER = "hal";

    private final StartedByTest started = new StartedByTest();

    @AfterEach
    void endEverything() throws Exception {
        started.endAll();
    }

    private Process node(int port) throws Exception {
        Process node = ProbeNode.launch(PROVIDER, port, ProbeFramework.PROBE_SECRET);
        started.node(node);
        return node;
    }

    private BlockProbe importWith(String secret, Map<String, String> endpoint) throws Exception {
        ProbeFramework client = ProbeFramework.client(PROVIDER, secret);
        started.framework(client);
        return client.importBlocks(PROVIDER, endpoint);
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void theControllerImportsTheNodesDeviceByConfigDiscoveryAndGetsTheBytesItWrote() throws Exception {
        int port = ProbeNode.freePort();
        Map<String, String> endpoint = ProbeNode.awaitReady(node(port));
        assertEquals("hal://127.0.0.1:" + port + "/" + BlockProbe.class.getName(), endpoint.get("endpoint.id"));

        BlockProbe remote = importWith(ProbeFramework.PROBE_SECRET, endpoint);
        byte[] written = randomBytes(1 << 20, 11);
        assertEquals(written.length, remote.write(Blocks.of(3 * 4096, 0, written)).length);
        assertArrayEquals(written, remote.read(Blocks.of(3 * 4096, written.length, null)).data);
    }

    @Test
    void aControllerWithAnotherSecretIsRefused() throws Exception {
        Map<String, String> endpoint = ProbeNode.awaitReady(node(ProbeNode.freePort()));

        BlockProbe intruder = importWith("not-the-fleet-secret", endpoint);
        ServiceException refused = assertThrows(ServiceException.class,
                () -> intruder.read(Blocks.of(0, 4096, null)));
        assertEquals(ServiceException.REMOTE, refused.getType());
        assertTrue(refused.getMessage().contains("refused the fleet secret"), refused.getMessage());
    }

    @Test
    void aKilledNodeFailsTheCallAndTheSameImportWorksWhenTheNodeIsBack() throws Exception {
        int port = ProbeNode.freePort();
        Process first = node(port);
        BlockProbe remote = importWith(ProbeFramework.PROBE_SECRET, ProbeNode.awaitReady(first));
        assertEquals(4096, remote.write(Blocks.of(0, 0, randomBytes(4096, 1))).length);

        first.destroyForcibly().waitFor(); // kill -9
        ServiceException unreachable = assertThrows(ServiceException.class,
                () -> remote.read(Blocks.of(0, 4096, null)));
        assertEquals(ServiceException.REMOTE, unreachable.getType());

        ProbeNode.awaitReady(node(port));
        byte[] again = randomBytes(4096, 2);
        remote.write(Blocks.of(8192, 0, again));
        assertArrayEquals(again, remote.read(Blocks.of(8192, 4096, null)).data);
    }
}
