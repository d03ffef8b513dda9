package flight.hal.remote.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.fleet.HalFleet;
import flight.hal.fleet.NodeState;
import flight.hal.fleet.NodeStatus;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.IoRequest;

class FleetControllerTest {
    private static final String STATE = ImportedNode.STATE_PROPERTY;

    private final RecordingContext recording = new RecordingContext(BlockDevice.class);
    private final MemoryBlockDevice disk0 = new MemoryBlockDevice("disk0", 16);
    private final List<Map.Entry<Map<String, Object>, BlockDevice>> devices = new CopyOnWriteArrayList<>(
            List.of(disk0.ranked(30), new MemoryBlockDevice("disk1", 16).ranked(0)));
    private final WireNode node = new WireNode(new NodeServer("rack-1", () -> devices, () -> null));
    private final FleetController controller = new FleetController();

    @AfterEach
    void deactivate() {
        node.release();
        controller.deactivate();
    }

    private void importNode() {
        controller.addNode(node, Map.of(HalFleet.NODE_PROPERTY, "rack-1", "endpoint.id", "hal://127.0.0.1:1/node"));
        controller.activate(recording.context);
    }

    private Set<Object> registeredNames() {
        return recording.registered.stream().map(p -> p.get(BlockDevice.NAME_PROPERTY)).collect(Collectors.toSet());
    }

    private BlockDevice registered(String name) {
        return recording.services.stream().map(BlockDevice.class::cast).filter(d -> d.name().equals(name))
                .findFirst().orElseThrow();
    }

    private NodeStatus status() {
        return controller.nodes().get(0);
    }

    @Test
    void registersADriverPerDeviceAtTheFirstHeartbeatWithItsRankingOnTheNodeUntilTheImportGoes() throws Exception {
        importNode();

        assertTrue(recording.awaitRegistrations(2));
        assertEquals(Set.of("rack-1/disk0", "rack-1/disk1"), registeredNames());
        Map<Object, Object> rankings = recording.registered.stream().collect(Collectors.toMap(
                p -> p.get(BlockDevice.NAME_PROPERTY), p -> p.get("service.ranking")));
        assertEquals(Map.of("rack-1/disk0", 30, "rack-1/disk1", 0), rankings);
        recording.registered.forEach(p -> assertEquals("rack-1", p.get(HalFleet.NODE_PROPERTY)));

        byte[] written = new byte[MemoryBlockDevice.BLOCK];
        written[7] = 42;
        BlockDevice remote = registered("rack-1/disk0");
        assertTrue(remote.write(3, ByteBuffer.wrap(written)).isOk());
        ByteBuffer read = ByteBuffer.allocate(written.length);
        assertTrue(remote.submit(IoRequest.read(3, read)).toCompletableFuture().join().isOk());
        assertArrayEquals(written, read.array());

        NodeStatus status = status();
        assertEquals("rack-1", status.name());
        assertEquals("hal://127.0.0.1:1/node", status.endpointId());
        assertEquals(NodeState.REACHABLE, status.state());
        assertTrue(status.lastSeenTime().isPresent());
        assertTrue(status.lastRoundTrip().isPresent());
        assertEquals(List.of("rack-1/disk0", "rack-1/disk1"), status.drivers());

        controller.removeNode(node);
        assertTrue(recording.awaitUnregistrations(2));
        assertTrue(controller.nodes().isEmpty());
    }

    @Test
    void aDeadNodeIsUnreachableWithItsDriversUnavailableAndComesBackWhenItAnswers() throws Exception {
        importNode();
        assertTrue(recording.awaitRegistrations(2));
        BlockDevice remote = registered("rack-1/disk0");
        assertTrue(remote.isAvailable());

        node.mode = WireNode.Mode.DEAD;
        assertTrue(controller.awaitNodes(NodeState.UNREACHABLE, Duration.ofSeconds(10)).isOk());
        assertTrue(recording.awaitModified(STATE, "UNREACHABLE"), "published, so the registry selects again");
        assertFalse(remote.isAvailable());
        assertEquals(NodeState.UNREACHABLE, status().state());
        assertEquals(HalFleet.NODE_UNREACHABLE, remote.flush().errorOrNull().code());

        node.mode = WireNode.Mode.UP;
        assertEquals(List.of("rack-1 REACHABLE"), controller.awaitNodes(NodeState.REACHABLE, Duration.ofSeconds(10))
                .valueOrNull().stream().map(n -> n.name() + " " + n.state()).toList());
        assertTrue(recording.awaitModified(STATE, "REACHABLE"));
        assertTrue(remote.isAvailable());
        assertTrue(remote.flush().isOk());
        assertEquals(2, recording.registered.size(), "the same drivers came back");
    }

    @Test
    void aHungNodeIsUnreachableOnceItsHeartbeatIsOverdue() throws Exception {
        importNode();
        assertTrue(recording.awaitRegistrations(2));

        node.mode = WireNode.Mode.HUNG;
        assertTrue(recording.awaitModified(STATE, "UNREACHABLE"));
        assertFalse(registered("rack-1/disk1").isAvailable());

        node.mode = WireNode.Mode.UP;
        node.release();
        assertTrue(recording.awaitModified(STATE, "REACHABLE"));
    }

    @Test
    void followsDevicesComingAndGoingOnTheNode() throws Exception {
        importNode();
        assertTrue(recording.awaitRegistrations(2));

        devices.add(new MemoryBlockDevice("disk2", 16).ranked(0));
        assertTrue(recording.awaitRegistrations(1));
        assertTrue(registeredNames().contains("rack-1/disk2"));

        devices.remove(0);
        assertTrue(recording.awaitUnregistrations(1));
        assertEquals(List.of("rack-1/disk1", "rack-1/disk2"), status().drivers());
    }

    @Test
    void showsANodesInterfacesOrSaysWhyNot() throws Exception {
        importNode();
        assertTrue(recording.awaitRegistrations(2));

        HalError unknown = controller.interfaces("rack-9").errorOrNull();
        assertEquals(ErrorCategory.NOT_FOUND, unknown.category());
        assertEquals(HalFleet.UNKNOWN_NODE, unknown.code());
        HalError noRegistry = controller.interfaces("rack-1").errorOrNull();
        assertNotNull(noRegistry);
        assertEquals(ErrorCategory.UNAVAILABLE, noRegistry.category(), "the node's own answer");

        node.mode = WireNode.Mode.DEAD;
        HalError dead = controller.interfaces("rack-1").errorOrNull();
        assertEquals(ErrorCategory.UNAVAILABLE, dead.category());
        assertEquals(HalFleet.NODE_UNREACHABLE, dead.code());

        assertTrue(controller.awaitNodes(NodeState.UNREACHABLE, Duration.ofSeconds(10)).isOk());
        HalError marked = controller.interfaces("rack-1").errorOrNull();
        assertEquals(HalFleet.NODE_UNREACHABLE, marked.code());
        assertTrue(marked.message().contains("heartbeat"), "not asked at all: " + marked.message());
    }

    @Test
    void waitingForNodesWhenNoneIsImportedEndsWithATimeoutThatSaysSo() {
        controller.activate(recording.context);
        HalError timeout = controller.awaitNodes(NodeState.REACHABLE, Duration.ofMillis(50)).errorOrNull();
        assertEquals(ErrorCategory.TIMEOUT, timeout.category());
        assertTrue(timeout.message().contains("no node imported"), timeout.message());
    }

    @Test
    void anImportWithoutANodeNameRegistersNothing() {
        controller.activate(recording.context);
        controller.addNode(node, Map.of());
        controller.removeNode(node);

        assertTrue(recording.registered.isEmpty());
        assertTrue(controller.nodes().isEmpty());
    }
}
