package flight.hal.remote.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.fleet.HalFleet;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;

class RemoteBlockDeviceTest {
    private static final int BLOCK = MemoryBlockDevice.BLOCK;

    private final MemoryBlockDevice disk = new MemoryBlockDevice("disk0", 64);
    private final WireNode node = new WireNode(new NodeServer("rack-1", () -> List.of(disk.ranked(7)), () -> null));
    private final AtomicInteger healthChanges = new AtomicInteger();
    private final ImportedNode imported = new ImportedNode("rack-1", "hal://127.0.0.1:1/node", node,
            changed -> healthChanges.incrementAndGet());
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final RemoteBlockDevice remote = new RemoteBlockDevice(imported, node.devices().get(0),
            executor);

    RemoteBlockDeviceTest() {
        heartbeatAnswered();
    }

    private void heartbeatAnswered() {
        imported.heartbeatEnded(true, Instant.now(), Duration.ofMillis(1));
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private static HalError error(HalResult<?> result) {
        return result.failure().orElseThrow(() -> new AssertionError("expected an error, got " + result));
    }

    private static void assertError(ErrorCategory category, String code, HalResult<?> result) {
        HalError error = error(result);
        assertEquals(category, error.category(), error.toString());
        assertEquals(code, error.code(), error.toString());
    }

    @Test
    void isNamedAfterNodeAndDeviceAndDescribesTheNodesDeviceWithoutItsMapping() {
        assertEquals("rack-1/disk0", remote.name());
        assertEquals("1.2.3", remote.version());
        assertEquals(7, remote.ranking(), "the ranking it has on the node");
        assertEquals(disk.deviceCapabilities().capacityBlocks(), remote.deviceCapabilities().capacityBlocks());
        assertEquals(Set.of(DeviceFeature.FUA), remote.deviceCapabilities().features());
        assertEquals(Set.of(HalCapability.DMA), remote.capabilities());
        assertEquals(disk.platformInfo(), remote.platformInfo());
        assertError(ErrorCategory.UNSUPPORTED_CAPABILITY, "unsupported_capability", remote.mapping());
        assertError(ErrorCategory.UNSUPPORTED_CAPABILITY, "unsupported_capability", remote.persist(0, BLOCK));
    }

    @Test
    void readsBackByteForByteWhatItWroteLeavingTheCallersBuffersAlone() {
        byte[] written = new byte[16 * BLOCK];
        new Random(3).nextBytes(written);
        ByteBuffer from = ByteBuffer.wrap(written);

        HalResult<IoResult> write = remote.execute(IoRequest.writeFua(2, from));
        assertEquals(new IoResult(IoOperation.WRITE, 2, 16), write.valueOrNull());
        assertTrue(disk.lastFua);
        assertEquals(0, from.position());

        ByteBuffer into = ByteBuffer.allocate(written.length + 8).position(8);
        assertEquals(16, remote.transferLarge(IoRequest.read(2, into)).valueOrNull().blocks());
        assertEquals(8, into.position());
        byte[] read = new byte[written.length];
        into.get(8, read);
        assertArrayEquals(written, read);
        assertEquals(written.length, remote.stats().bytesRead());
    }

    @Test
    void aTransferAboveWhatOneCallCarriesIsSplitByTransferLargeAndRefusedByExecute() {
        remote.maxCallBytes = 3 * BLOCK; // 16 blocks: calls of 3, 3, 3, 3, 3 and 1
        byte[] written = new byte[16 * BLOCK];
        new Random(4).nextBytes(written);
        assertEquals(new IoResult(IoOperation.WRITE, 5, 16),
                remote.transferLarge(IoRequest.write(5, ByteBuffer.wrap(written))).valueOrNull());
        ByteBuffer into = ByteBuffer.allocate(written.length + BLOCK).position(BLOCK);
        assertEquals(16, remote.transferLarge(IoRequest.read(5, into)).valueOrNull().blocks());
        assertEquals(BLOCK, into.position());
        byte[] read = new byte[written.length];
        into.get(BLOCK, read);
        assertArrayEquals(written, read);
        assertEquals(6 * 2, node.ioCalls.get(), "six calls each way");

        assertError(ErrorCategory.INVALID_PARAMETER, StorageErrors.TOO_LARGE,
                remote.execute(IoRequest.read(0, ByteBuffer.allocate(4 * BLOCK))));
        assertError(ErrorCategory.INVALID_PARAMETER, StorageErrors.MISALIGNED,
                remote.transferLarge(IoRequest.read(0, ByteBuffer.allocate(4 * BLOCK + 1))));
        assertTrue(remote.isAvailable(), "refused here: the node is not involved");
    }

    @Test
    void returnsTheNodesErrorsByCategoryAndCode() {
        assertError(ErrorCategory.INVALID_PARAMETER, StorageErrors.MISALIGNED,
                remote.write(0, ByteBuffer.allocate(BLOCK + 1)));
        assertError(ErrorCategory.INVALID_PARAMETER, StorageErrors.OUT_OF_RANGE,
                remote.read(64, ByteBuffer.allocate(BLOCK)));
        assertError(ErrorCategory.INVALID_PARAMETER, StorageErrors.READ_ONLY_BUFFER,
                remote.read(0, ByteBuffer.allocate(BLOCK).asReadOnlyBuffer()));
        assertError(ErrorCategory.INVALID_PARAMETER, StorageErrors.NO_BUFFER,
                remote.execute(new IoRequest(IoOperation.READ, 0, 0, null, false)));
        assertError(ErrorCategory.UNSUPPORTED_CAPABILITY, StorageErrors.NOT_ZONED,
                remote.zoneAppend(0, ByteBuffer.allocate(BLOCK)));
        assertError(ErrorCategory.UNSUPPORTED_CAPABILITY, StorageErrors.NOT_ZONED, remote.reportZones());
        assertError(ErrorCategory.UNSUPPORTED_CAPABILITY, StorageErrors.NOT_ZONED, remote.allocateZone());
        assertTrue(remote.isAvailable(), "an error of the device is an answer: the node is reachable");
    }

    @Test
    void aCallTheNodeDoesNotAnswerMarksItUnreachableAndLaterCallsFailAtOnceUntilItsHeartbeatIsAnswered() {
        remote.write(0, ByteBuffer.allocate(BLOCK));
        long written = remote.stats().bytesWritten();
        node.mode = WireNode.Mode.DEAD;

        assertError(ErrorCategory.UNAVAILABLE, HalFleet.NODE_UNREACHABLE, remote.read(0, ByteBuffer.allocate(BLOCK)));
        assertFalse(remote.isAvailable());
        assertEquals(1, healthChanges.get(), "the controller is told once, to publish the change");
        node.mode = WireNode.Mode.UP;
        assertError(ErrorCategory.UNAVAILABLE, HalFleet.NODE_UNREACHABLE, remote.reportZones());
        assertError(ErrorCategory.UNAVAILABLE, HalFleet.NODE_UNREACHABLE,
                remote.submit(IoRequest.flush()).toCompletableFuture().join());
        assertEquals(written, remote.stats().bytesWritten(), "the last counters read");
        assertEquals(1, healthChanges.get());

        heartbeatAnswered();
        assertTrue(remote.isAvailable());
        node.mode = WireNode.Mode.SILENT;
        assertError(ErrorCategory.UNAVAILABLE, HalFleet.NODE_UNREACHABLE, remote.flush());
        assertEquals(2, healthChanges.get());

        node.mode = WireNode.Mode.UP;
        heartbeatAnswered();
        assertTrue(remote.flush().isOk());
        assertTrue(remote.isAvailable());
    }

    @Test
    void submitAnswersOnTheExecutorAndAnUnavailableErrorOnceItIsShutDown() {
        assertTrue(remote.submit(IoRequest.flush()).toCompletableFuture().join().isOk());

        executor.shutdownNow();
        assertEquals(ErrorCategory.UNAVAILABLE,
                error(remote.submit(IoRequest.flush()).toCompletableFuture().join()).category());
    }
}
