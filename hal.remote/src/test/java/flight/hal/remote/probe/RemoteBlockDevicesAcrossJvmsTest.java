package flight.hal.remote.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.IoRequest;
import flight.hal.storage.StorageErrors;

/**
 * Remote block devices between two JVMs on 127.0.0.1: a node JVM ({@link BlockDeviceNode}) exports its device
 * through {@code flight.hal.node}; a controller framework in this JVM imports it by config discovery and gets it as
 * the {@code BlockDevice} driver {@code <node>/<device>}. Every node process and framework is ended after each test.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RemoteBlockDevicesAcrossJvmsTest {
    private static final String NODE = "rack-1";
    private static final int BLOCK = 512;

    private final StartedByTest started = new StartedByTest();

    @AfterEach
    void endEverything() throws Exception {
        started.endAll();
    }

    /** Starts a node and a controller, and returns the node's device as the controller's driver. */
    private BlockDevice remoteDevice() throws Exception {
        Process node = ProbeNode.launch(BlockDeviceNode.class, String.valueOf(ProbeNode.freePort()),
                ProbeFramework.PROBE_SECRET, NODE);
        started.node(node);
        Map<String, String> endpoint = ProbeNode.awaitReady(node);
        assertEquals(NODE, endpoint.get("flight.hal.node.name"));

        ProbeFramework controller = ProbeFramework.client("hal", ProbeFramework.PROBE_SECRET);
        started.framework(controller);
        Dictionary<String, Object> config = new Hashtable<>(endpoint);
        config.put("service.imported.configs", "flight.hal");
        config.put("objectClass", "flight.hal.remote.internal.RemoteNode");
        controller.createFactoryConfiguration("org.apache.aries.rsa.discovery.config", config);
        String name = NODE + "/" + BlockDeviceNode.DEVICE;
        ServiceTracker<BlockDevice, BlockDevice> tracker = new ServiceTracker<>(controller.context(),
                FrameworkUtil.createFilter("(&(objectClass=" + BlockDevice.class.getName() + ")("
                        + BlockDevice.NAME_PROPERTY + "=" + name + "))"), null);
        tracker.open();
        BlockDevice device = tracker.waitForService(30_000);
        assertNotNull(device, name + " was not registered on the controller within 30 s");
        return device;
    }

    private static HalError error(HalResult<?> result) {
        return result.failure().orElseThrow(() -> new AssertionError("expected an error, got " + result));
    }

    @Test
    void theControllerReadsAndWritesTheNodesDeviceByteForByteWithTheSameErrors() throws Exception {
        BlockDevice remote = remoteDevice();
        assertEquals(NODE + "/" + BlockDeviceNode.DEVICE, remote.name());
        assertEquals(BlockDeviceNode.DEVICE_BLOCKS, remote.deviceCapabilities().capacityBlocks());

        byte[] written = new byte[256 * BLOCK];
        new Random(5).nextBytes(written);
        assertTrue(remote.write(16, ByteBuffer.wrap(written)).isOk());
        ByteBuffer read = ByteBuffer.allocate(written.length);
        assertEquals(256, remote.submit(IoRequest.read(16, read)).toCompletableFuture().join()
                .valueOrNull().blocks());
        assertArrayEquals(written, read.array());

        HalError misaligned = error(remote.write(0, ByteBuffer.allocate(BLOCK + 3)));
        assertEquals(ErrorCategory.INVALID_PARAMETER, misaligned.category());
        assertEquals(StorageErrors.MISALIGNED, misaligned.code());
        assertEquals(StorageErrors.OUT_OF_RANGE,
                error(remote.read(BlockDeviceNode.DEVICE_BLOCKS, ByteBuffer.allocate(BLOCK))).code());
    }

    @Test
    void aKilledNodesDeviceAnswersUnavailableInsteadOfThrowingOrHanging() throws Exception {
        BlockDevice remote = remoteDevice();
        assertTrue(remote.flush().isOk());

        started.nodes.get(0).destroyForcibly().waitFor(); // kill -9
        HalError unavailable = error(remote.read(0, ByteBuffer.allocate(BLOCK)));
        assertEquals(ErrorCategory.UNAVAILABLE, unavailable.category());
        assertEquals("remote.unreachable", unavailable.code());
        assertFalse(remote.isAvailable());
        assertEquals(ErrorCategory.UNAVAILABLE,
                error(remote.submit(IoRequest.flush()).toCompletableFuture().join()).category());
    }

    @Test
    void aHungNodesDeviceAnswersUnavailableOnceTheCallTimeoutHasPassed() throws Exception {
        BlockDevice remote = remoteDevice();
        assertTrue(remote.flush().isOk());

        Process node = started.nodes.get(0);
        // SIGSTOP: the node keeps its connection open and never answers; endEverything kills it
        assertEquals(0, new ProcessBuilder("kill", "-STOP", String.valueOf(node.pid())).start().waitFor());
        HalError unavailable = error(remote.read(0, ByteBuffer.allocate(BLOCK)));
        assertEquals(ErrorCategory.UNAVAILABLE, unavailable.category());
        assertEquals("remote.unreachable", unavailable.code());
        assertFalse(remote.isAvailable());
    }
}
