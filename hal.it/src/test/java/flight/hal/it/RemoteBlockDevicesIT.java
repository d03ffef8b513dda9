package flight.hal.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Random;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.service.remoteserviceadmin.RemoteServiceAdmin;

import flight.hal.ErrorCategory;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.StorageErrors;

/**
 * Remote block devices in the runtime (README "More than one machine"): a runtime configured as node
 * ({@code flight.hal.node}) exports its configured file device through the HAL provider; the same runtime, as
 * controller, imports that endpoint by config discovery and gets the device as the {@code BlockDevice} driver
 * {@code <node>/<device>}, which reads back what it wrote and returns the device's own errors. Two JVMs and a node's
 * death are tested in hal.remote.
 */
@RunWith(PaxExam.class)
public class RemoteBlockDevicesIT extends StorageItSupport {

    @Configuration
    public Option[] configuration() {
        return options(storageFramework(), ourBundle("flight.hal.remote"), ourBundle("org.apache.aries.rsa.core"),
                ourBundle("org.apache.aries.rsa.spi"), ourBundle("org.apache.aries.rsa.topology-manager"),
                ourBundle("org.apache.aries.rsa.discovery.config"));
    }

    @Test
    public void aNodesFileDeviceIsUsableOnTheControllerAsNodeSlashDevice() throws Exception {
        int port = freePort();
        device("disk0", "capacity.bytes", 4L << 20);
        BlockDevice local = awaitDevice("disk0");
        configure("flight.hal.remote", "secret", "it-secret", "port", port);
        awaitService("(objectClass=" + RemoteServiceAdmin.class.getName() + ")");
        configure("flight.hal.node", "name", "it-node");

        Dictionary<String, Object> endpoint = new Hashtable<>();
        endpoint.put("endpoint.id", "hal://127.0.0.1:" + port + "/node");
        endpoint.put("objectClass", "flight.hal.remote.internal.RemoteNode");
        endpoint.put("service.imported.configs", "flight.hal");
        endpoint.put("flight.hal.node.name", "it-node");
        configurationAdmin.getFactoryConfiguration("org.apache.aries.rsa.discovery.config", "it-node", "?")
                .update(endpoint);
        try {
            BlockDevice remote = awaitDevice("it-node/disk0");
            int block = local.deviceCapabilities().logicalBlockSize();
            assertEquals(local.deviceCapabilities().capacityBlocks(), remote.deviceCapabilities().capacityBlocks());

            byte[] written = new byte[64 * block];
            new Random(9).nextBytes(written);
            assertTrue(remote.write(8, ByteBuffer.wrap(written)).isOk());
            ByteBuffer read = ByteBuffer.allocate(written.length);
            assertTrue(local.read(8, read).isOk());
            assertArrayEquals("the node's device holds what the controller wrote", written, read.array());
            ByteBuffer readRemotely = ByteBuffer.allocate(written.length);
            assertTrue(remote.read(8, readRemotely).isOk());
            assertArrayEquals(written, readRemotely.array());

            var misaligned = remote.write(0, ByteBuffer.allocate(block + 1)).failure().orElseThrow();
            assertEquals(ErrorCategory.INVALID_PARAMETER, misaligned.category());
            assertEquals(StorageErrors.MISALIGNED, misaligned.code());
        } finally {
            configurationAdmin.getFactoryConfiguration("org.apache.aries.rsa.discovery.config", "it-node", "?")
                    .delete();
            configurationAdmin.getConfiguration("flight.hal.node", "?").delete();
            configurationAdmin.getConfiguration("flight.hal.remote", "?").delete();
        }
    }

    private void configure(String pid, Object... keyValues) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        configurationAdmin.getConfiguration(pid, "?").update(properties);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
