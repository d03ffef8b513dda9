package flight.hal.remote.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceEvent;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.HalRegistry;
import flight.hal.remote.internal.MemoryBlockDevice;
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
    private static final Logger LOG = LoggerFactory.getLogger(RemoteBlockDevicesAcrossJvmsTest.class);

    private final StartedByTest started = new StartedByTest();

    @AfterEach
    void endEverything() throws Exception {
        started.endAll();
    }

    /** Starts a node and a controller, and returns the node's device as the controller's driver. */
    private BlockDevice remoteDevice() throws Exception {
        ProbeFramework controller = ProbeFramework.client("hal", ProbeFramework.PROBE_SECRET);
        started.framework(controller);
        return remoteDevice(controller, startNode(ProbeNode.freePort()));
    }

    /** Starts a node JVM on {@code port} and returns the endpoint properties it announced. */
    private Map<String, String> startNode(int port) throws Exception {
        Process node = ProbeNode.launch(BlockDeviceNode.class, String.valueOf(port), ProbeFramework.PROBE_SECRET,
                NODE);
        started.node(node);
        Map<String, String> endpoint = ProbeNode.awaitReady(node);
        assertEquals(NODE, endpoint.get("flight.hal.node.name"));
        return endpoint;
    }

    /** Imports the node's endpoint into {@code controller} and returns the node's device as its driver. */
    private BlockDevice remoteDevice(ProbeFramework controller, Map<String, String> endpoint) throws Exception {
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

    /**
     * The fail-over of issue 14 with a real node JVM and the real registry on the controller: a role asking for DMA
     * uses the node's device (ranking 100) over the local one (10); kill -9 of the node makes its driver unavailable
     * (published by the heartbeat, without any call) and the role falls back to the local device; a node started
     * again on the same port is taken back by itself.
     */
    @Test
    void aKilledNodesSelectionsFallBackToTheLocalDeviceAndReturnWhenTheNodeIsBack() throws Exception {
        ProbeFramework controller = ProbeFramework.client("hal", ProbeFramework.PROBE_SECRET,
                List.of(ProbeFramework.HAL_REGISTRY));
        started.framework(controller);
        Dictionary<String, Object> local = new Hashtable<>();
        local.put(BlockDevice.INTERFACE_PROPERTY, BlockDevice.class.getName());
        local.put(BlockDevice.NAME_PROPERTY, "local0");
        local.put(Constants.SERVICE_RANKING, 10);
        controller.context().registerService(BlockDevice.class, new MemoryBlockDevice("local0", 64), local);
        HalRegistry registry = controller.context().getService(
                controller.context().getServiceReference(HalRegistry.class));
        DriverHandle<BlockDevice> role = registry.handle(BlockDevice.class, Set.of(HalCapability.DMA));

        int port = ProbeNode.freePort();
        String remoteName = remoteDevice(controller, startNode(port)).name();
        NodeStates states = new NodeStates(controller, remoteName);
        assertEquals(remoteName, selectedFor(registry, role, remoteName));
        assertTrue(role.call(device -> device.flush()).isOk());

        long killed = System.nanoTime();
        started.nodes.get(0).destroyForcibly().waitFor(); // kill -9
        assertTrue(states.await("UNREACHABLE"), "the heartbeat marks the node unreachable");
        LOG.info("A killed node was marked unreachable {} ms after kill -9",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        assertEquals("local0", selectedFor(registry, role, "local0"));
        assertTrue(role.call(device -> device.flush()).isOk(), "calls go to the local device");

        startNode(port);
        assertTrue(states.await("REACHABLE"), "the node is taken back by itself");
        assertEquals(remoteName, selectedFor(registry, role, remoteName));
        assertTrue(role.call(device -> device.flush()).isOk());
    }

    /**
     * The driver the role selected, once it is {@code expected} or 10 s have passed. The registry hears of the node's
     * state in the same service event as this test, maybe after it, and a role's choice has no event of its own, so
     * this asks again after each of the registry's rounds of work.
     */
    private static String selectedFor(HalRegistry registry, DriverHandle<BlockDevice> role, String expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String selected;
        do {
            assertTrue(registry.awaitSelections(Duration.ofSeconds(10)).isOk());
            selected = registry.status(BlockDevice.class.getName()).orElseThrow().roles().stream()
                    .filter(r -> r.required().equals(role.requiredCapabilities())).findFirst().orElseThrow()
                    .selected();
        } while (!expected.equals(selected) && System.nanoTime() < deadline && parked());
        return selected;
    }

    private static boolean parked() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        return true;
    }

    /** The node states the controller publishes on a remote driver's service ({@code flight.hal.node.state}). */
    private static final class NodeStates {
        private final BlockingQueue<String> published = new LinkedBlockingQueue<>();

        NodeStates(ProbeFramework controller, String driverName) throws Exception {
            controller.context().addServiceListener(event -> {
                if (event.getType() == ServiceEvent.MODIFIED) {
                    published.add(String.valueOf(event.getServiceReference().getProperty("flight.hal.node.state")));
                }
            }, "(" + BlockDevice.NAME_PROPERTY + "=" + driverName + ")");
        }

        /** Whether {@code state} is published within 10 s. */
        boolean await(String state) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (String seen = null; !state.equals(seen); ) {
                seen = published.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (seen == null) {
                    return false;
                }
            }
            return true;
        }
    }
}
