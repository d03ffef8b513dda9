package flight.hal.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Random;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.service.remoteserviceadmin.RemoteServiceAdmin;

import flight.hal.ErrorCategory;
import flight.hal.compliance.ComplianceKit;
import flight.hal.compliance.ComplianceReport;
import flight.hal.fleet.HalFleet;
import flight.hal.fleet.NodeState;
import flight.hal.fleet.NodeStatus;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.InterfaceStatus;
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

    @Inject
    HalFleet fleet;

    @Inject
    ComplianceKit kit;

    @Inject
    CommandProcessor shell;

    @Configuration
    public Option[] configuration() {
        return options(storageFramework(), ourBundle("flight.hal.compliance"), ourBundle("flight.hal.remote"),
                ourBundle("org.apache.aries.rsa.core"),
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

            fleetViewAndRemoteCompliance();
        } finally {
            configurationAdmin.getFactoryConfiguration("org.apache.aries.rsa.discovery.config", "it-node", "?")
                    .delete();
            configurationAdmin.getConfiguration("flight.hal.node", "?").delete();
            configurationAdmin.getConfiguration("flight.hal.remote", "?").delete();
        }
    }

    /** The fleet as the controller sees it, and the compliance kit run against the node's device. */
    private void fleetViewAndRemoteCompliance() throws Exception {
        List<NodeStatus> nodes = fleet.awaitNodes(NodeState.REACHABLE, Duration.ofSeconds(30)).valueOrNull();
        assertEquals(1, nodes.size());
        assertEquals("it-node", nodes.get(0).name());
        assertEquals(List.of("it-node/disk0"), nodes.get(0).drivers());
        assertTrue(nodes.get(0).lastRoundTrip().isPresent());
        InterfaceStatus nodeDevices = fleet.interfaces("it-node").valueOrNull().stream()
                .filter(status -> status.interfaceName().equals(BlockDevice.class.getName())).findFirst()
                .orElseThrow();
        // one runtime is node and controller here, so its registry has both
        assertEquals(List.of("disk0", "it-node/disk0"),
                nodeDevices.candidates().stream().map(DriverDescription::name).sorted().toList());

        List<ComplianceReport> reports = kit.check("it-node/disk0").valueOrNull();
        assertEquals(1, reports.size());
        assertEquals("only timing checks may depend on this machine: " + reports.get(0).text(), List.of(),
                reports.get(0).failures().stream().filter(check -> !check.isTiming()).toList());

        String table = runCommand(shell, "hal:complyNodes");
        assertTrue(table, table.matches("(?s).*\\nit-node +it-node/disk0 +BlockDevice +\\d+ +\\d+ +\\d+ +\\S.*"));
        String listed = runCommand(shell, "hal:nodes");
        assertTrue(listed, listed.contains("it-node") && listed.contains("REACHABLE"));
        String all = runCommand(shell, "hal:drivers --all");
        assertTrue(all, all.contains("node it-node (REACHABLE"));
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
