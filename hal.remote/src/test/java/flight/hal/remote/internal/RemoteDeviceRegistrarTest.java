package flight.hal.remote.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flight.hal.storage.BlockDevice;
import flight.hal.storage.IoRequest;

class RemoteDeviceRegistrarTest {
    private final RecordingContext recording = new RecordingContext(BlockDevice.class);
    private final MemoryBlockDevice disk0 = new MemoryBlockDevice("disk0", 16);
    private final WireNode node = new WireNode(new NodeServer(
            () -> List.of(disk0, new MemoryBlockDevice("disk1", 16))));
    private final RemoteDeviceRegistrar registrar = new RemoteDeviceRegistrar();

    @AfterEach
    void deactivate() {
        registrar.deactivate();
    }

    private Set<Object> registeredNames() {
        return recording.registered.stream().map(p -> p.get(BlockDevice.NAME_PROPERTY)).collect(Collectors.toSet());
    }

    private BlockDevice registered(String name) {
        return recording.services.stream().map(BlockDevice.class::cast).filter(d -> d.name().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void registersOneBlockDeviceDriverPerDeviceOfTheNodeUntilTheImportGoes() throws Exception {
        registrar.addNode(node, Map.of(RemoteNode.NODE_NAME_PROPERTY, "rack-1"));
        registrar.activate(recording.context);

        assertTrue(recording.awaitRegistrations(2));
        assertEquals(Set.of("rack-1/disk0", "rack-1/disk1"), registeredNames());
        recording.registered.forEach(p -> assertEquals(BlockDevice.class.getName(),
                p.get(BlockDevice.INTERFACE_PROPERTY)));

        byte[] written = new byte[MemoryBlockDevice.BLOCK];
        written[7] = 42;
        BlockDevice remote = registered("rack-1/disk0");
        assertTrue(remote.write(3, ByteBuffer.wrap(written)).isOk());
        ByteBuffer read = ByteBuffer.allocate(written.length);
        assertTrue(remote.submit(IoRequest.read(3, read)).toCompletableFuture().join().isOk());
        assertArrayEquals(written, read.array());

        registrar.removeNode(node);
        assertEquals(2, recording.unregistered);
    }

    @Test
    void aNodeThatDoesNotAnswerYetIsListedOnceItDoes() throws Exception {
        node.mode = WireNode.Mode.DEAD;
        registrar.activate(recording.context);
        registrar.addNode(node, Map.of(RemoteNode.NODE_NAME_PROPERTY, "rack-2"));
        assertTrue(recording.registered.isEmpty());

        node.mode = WireNode.Mode.UP;
        assertTrue(recording.awaitRegistrations(2));
        assertEquals(Set.of("rack-2/disk0", "rack-2/disk1"), registeredNames());
    }

    @Test
    void anImportWithoutANodeNameRegistersNothing() {
        registrar.activate(recording.context);
        registrar.addNode(node, Map.of());
        registrar.removeNode(node);

        assertTrue(recording.registered.isEmpty());
        assertEquals(0, recording.unregistered);
    }
}
