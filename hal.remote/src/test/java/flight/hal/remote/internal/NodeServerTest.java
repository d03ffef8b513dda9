package flight.hal.remote.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.LiveObjects;
import flight.hal.PerformanceTier;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.StorageErrors;
import flight.hal.remote.internal.RemoteNode.Device;
import flight.hal.remote.internal.RemoteNode.Failure;
import flight.hal.remote.internal.RemoteNode.Heartbeat;
import flight.hal.remote.internal.RemoteNode.InterfacesReply;
import flight.hal.remote.internal.RemoteNode.IoCall;
import flight.hal.remote.internal.RemoteNode.IoReply;
import flight.hal.remote.internal.RemoteNode.NodeInterface;

class NodeServerTest {
    private final MemoryBlockDevice disk = new MemoryBlockDevice("disk0", 64);
    private final List<Map.Entry<Map<String, Object>, BlockDevice>> devices =
            new CopyOnWriteArrayList<>(List.of(disk.ranked(40)));
    private volatile HalRegistry registry;
    private final NodeServer server = new NodeServer("rack-1", () -> devices, () -> registry);

    /** The call as the node receives it and the reply as the controller receives it. */
    private IoReply io(String device, IoRequest request, boolean large) {
        return Wire.across(server.io(device, Wire.across(IoCall.of(request, large))));
    }

    private static void assertFailure(ErrorCategory category, String code, IoReply reply) {
        Failure failure = reply.failure();
        assertEquals(category, failure.category(), failure.toString());
        assertEquals(code, failure.code(), failure.toString());
    }

    @Test
    void listsEveryDeviceWithItsRankingGeometryFeaturesAndCapabilities() {
        List<Device> listed = Wire.across(server.devices());
        assertEquals(1, listed.size());
        Device device = listed.get(0);
        assertEquals("disk0", device.name());
        assertEquals(40, device.ranking());
        assertEquals("1.2.3", device.version());
        assertTrue(device.available());
        assertEquals(PerformanceTier.HIGH, device.tier());
        assertEquals(Set.of(HalCapability.MEMORY_MAPPING, HalCapability.DMA), device.capabilities());
        assertEquals(disk.deviceCapabilities(), device.geometry().toCapabilities(Set.of()));
        assertEquals(Set.of(DeviceFeature.FUA), device.geometry().toCapabilities(Set.of(DeviceFeature.NVM))
                .features());
        assertEquals(disk.platformInfo(), device.platform().toPlatformInfo());
    }

    @Test
    void writesAndReadsBackTheSameBytesAndPassesFua() {
        byte[] written = new byte[8 * MemoryBlockDevice.BLOCK];
        new Random(7).nextBytes(written);

        IoReply write = io("disk0", IoRequest.writeFua(4, ByteBuffer.wrap(written)), false);
        assertNull(write.failure());
        assertEquals(IoOperation.WRITE, write.operation());
        assertEquals(8, write.blocks());
        assertTrue(disk.lastFua);

        IoReply read = io("disk0", IoRequest.read(4, ByteBuffer.allocate(written.length)), true);
        assertNull(read.failure());
        assertEquals(4, read.lba());
        assertArrayEquals(written, read.data());
        assertEquals(written.length, Wire.across(server.stats("disk0")).toStats().bytesRead());
    }

    @Test
    void returnsTheDevicesOwnErrorsByCategoryAndCode() {
        assertFailure(ErrorCategory.INVALID_PARAMETER, StorageErrors.MISALIGNED,
                io("disk0", IoRequest.write(0, ByteBuffer.allocate(100)), false));
        assertFailure(ErrorCategory.INVALID_PARAMETER, StorageErrors.OUT_OF_RANGE,
                io("disk0", IoRequest.read(63, ByteBuffer.allocate(2 * MemoryBlockDevice.BLOCK)), false));
        assertFailure(ErrorCategory.INVALID_PARAMETER, StorageErrors.READ_ONLY_BUFFER,
                io("disk0", IoRequest.read(0, ByteBuffer.allocate(MemoryBlockDevice.BLOCK).asReadOnlyBuffer()),
                        false));
        assertFailure(ErrorCategory.INVALID_PARAMETER, StorageErrors.NO_BUFFER,
                io("disk0", new IoRequest(IoOperation.WRITE, 0, 0, null, false), false));
        assertFailure(ErrorCategory.UNSUPPORTED_CAPABILITY, StorageErrors.NOT_ZONED,
                io("disk0", IoRequest.zone(IoOperation.ZONE_RESET, 0), false));
        assertEquals(StorageErrors.NOT_ZONED, Wire.across(server.reportZones("disk0")).failure().code());
        assertEquals(StorageErrors.NOT_ZONED, Wire.across(server.allocateZone("disk0")).failure().code());
    }

    @Test
    void answersTheHeartbeatWithItsNameAndAKeyThatChangesWithItsDevices() {
        Heartbeat first = Wire.across(server.heartbeat());
        assertEquals("rack-1", first.node());
        assertEquals(first, Wire.across(server.heartbeat()), "the same devices, the same key");

        disk.available = false;
        String unavailable = server.heartbeat().devicesKey();
        assertNotEquals(first.devicesKey(), unavailable);
        disk.available = true;
        devices.add(new MemoryBlockDevice("disk1", 8).ranked(0));
        String added = server.heartbeat().devicesKey();
        assertNotEquals(first.devicesKey(), added);
        assertNotEquals(unavailable, added);
        devices.set(0, disk.ranked(41));
        assertNotEquals(added, server.heartbeat().devicesKey(), "a ranking changed");
    }

    @Test
    void anUnknownDeviceIsNotFound() {
        assertFailure(ErrorCategory.NOT_FOUND, NodeServer.NO_DEVICE,
                io("disk9", IoRequest.flush(), false));
        assertEquals(ErrorCategory.NOT_FOUND, server.stats("disk9").failure().category());

        devices.clear(); // the device went away on the node
        assertFailure(ErrorCategory.NOT_FOUND, NodeServer.NO_DEVICE, io("disk0", IoRequest.flush(), false));
    }

    @Test
    void aDeviceThatThrowsOrAnswersNullIsAnInternalFailureNotABrokenCall() {
        MemoryBlockDevice throwing = new MemoryBlockDevice("bad", 8) {
            @Override
            public synchronized flight.hal.HalResult<flight.hal.storage.IoResult> execute(IoRequest request) {
                throw new IllegalStateException("boom");
            }
        };
        MemoryBlockDevice silent = new MemoryBlockDevice("silent", 8) {
            @Override
            public flight.hal.HalResult<java.util.List<flight.hal.storage.ZoneInfo>> reportZones() {
                return null;
            }
        };
        devices.add(throwing.ranked(0));
        devices.add(silent.ranked(0));

        IoReply reply = io("bad", IoRequest.flush(), false);
        assertFailure(ErrorCategory.INTERNAL, "internal", reply);
        assertTrue(reply.failure().message().contains("boom"), reply.failure().message());
        assertEquals(ErrorCategory.INTERNAL, server.reportZones("silent").failure().category());
    }

    @Test
    void showsItsRegistrysInterfacesAndCandidatesAcrossTheWire() {
        assertEquals(ErrorCategory.UNAVAILABLE, Wire.across(server.interfaces()).failure().category(),
                "a node without a registry says so");

        DriverDescription driver = new DriverDescription(BlockDevice.class.getName(), "disk0", "1.2.3",
                "flight.hal.driver.storage", 12, 99, 40, DriverState.AVAILABLE,
                HalError.unavailable("not yet"), Set.of(HalCapability.DMA), PerformanceTier.HIGH, null,
                LiveObjects.NONE);
        InterfaceStatus status = new InterfaceStatus(BlockDevice.class.getName(), null, "disk0", "pinned",
                Set.of(HalCapability.DMA), List.of(driver), List.of());
        registry = (HalRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HalRegistry.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("interfaces")) {
                        throw new AssertionError("unexpected call " + method);
                    }
                    return List.of(status);
                });

        InterfacesReply reply = Wire.across(server.interfaces());
        assertNull(reply.failure());
        assertEquals(List.of(status), reply.interfaces().stream().map(NodeInterface::toStatus).toList());
    }
}
