package flight.hal.driver.storage.internal;

import static flight.hal.driver.storage.internal.Devices.assertHolds;
import static flight.hal.driver.storage.internal.Devices.code;
import static flight.hal.driver.storage.internal.Devices.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;

class LargeTransferTest {
    private static final int BLOCK = 512;
    private static final DeviceCapabilities CAPS = caps(4 * BLOCK + 100);

    private final List<IoRequest> executed = new ArrayList<>();
    private final AtomicInteger yields = new AtomicInteger();

    private static DeviceCapabilities caps(int maxTransfer) {
        return new DeviceCapabilities(BLOCK, BLOCK, 100, maxTransfer, 0, 0, 0, 8, Set.of());
    }

    private HalResult<IoResult> succeed(IoRequest request) {
        executed.add(request);
        return HalResult.ok(new IoResult(request.operation(), request.lba(), request.length() / BLOCK));
    }

    @Test
    void splitsIntoWholeBlockChunksOfAtMostTheMaximumTransferAndYieldsBetweenThem() {
        ByteBuffer data = pattern(1, 10, BLOCK);
        HalResult<IoResult> result = LargeTransfer.run(IoRequest.write(20, data), CAPS, this::succeed,
                yields::incrementAndGet);
        assertEquals(new IoResult(IoOperation.WRITE, 20, 10), result.orElseThrow());
        assertEquals(List.of(20L, 24L, 28L), executed.stream().map(IoRequest::lba).toList());
        assertEquals(List.of(4 * BLOCK, 4 * BLOCK, 2 * BLOCK), executed.stream().map(IoRequest::length).toList());
        assertEquals(data.slice(4 * BLOCK, 4 * BLOCK), executed.get(1).buffer());
        assertEquals(2, yields.get());
        assertEquals(0, data.position());
    }

    @Test
    void aFailingChunkReportsExactlyHowMuchWasDone() {
        HalResult<IoResult> result = LargeTransfer.run(IoRequest.read(0, ByteBuffer.allocate(10 * BLOCK)), CAPS,
                request -> request.lba() == 4 ? HalResult.err(HalError.of(ErrorCategory.IO_ERROR, "medium error"))
                        : succeed(request), yields::incrementAndGet);
        HalError error = result.errorOrNull();
        assertEquals(StorageErrors.PARTIAL, error.code());
        assertEquals(ErrorCategory.IO_ERROR, error.category());
        assertTrue(error.message().contains("stopped after 2048 bytes (4 blocks, LBA 0..3 done)"), error.message());
        assertTrue(error.message().contains("chunk at LBA 4 failed: IO_ERROR: medium error"), error.message());
        assertEquals(1, executed.size());
    }

    @Test
    void theWholeRequestIsCheckedBeforeAnyChunkRuns() {
        assertEquals(StorageErrors.OUT_OF_RANGE, code(LargeTransfer.run(IoRequest.write(95,
                ByteBuffer.allocate(6 * BLOCK)),
                CAPS, this::succeed, yields::incrementAndGet)));
        assertEquals(StorageErrors.MISALIGNED, code(LargeTransfer.run(IoRequest.write(0, ByteBuffer.allocate(BLOCK
                + 3)),
                CAPS, this::succeed, yields::incrementAndGet)));
        assertEquals(ErrorCategory.INVALID_PARAMETER, LargeTransfer.run(IoRequest.flush(), CAPS, this::succeed,
                yields::incrementAndGet).errorOrNull().category());
        assertTrue(LargeTransfer.run(null, CAPS, this::succeed, yields::incrementAndGet).isErr());
        assertTrue(executed.isEmpty());
    }

    @Test
    void aChunkSmallerThanABlockIsRefusedRatherThanLoopingForever() {
        assertEquals(StorageErrors.CHUNK_TOO_SMALL, code(LargeTransfer.run(IoRequest.write(0,
                ByteBuffer.allocate(BLOCK)),
                caps(BLOCK - 1), this::succeed, yields::incrementAndGet)));
        assertTrue(executed.isEmpty());
    }

    @Test
    void aDeviceTransfersMoreThanItsMaximumTransferThroughTheChunker(@TempDir Path dir) {
        try (HostBlockDevice device = Devices.open(dir, "large", DeviceConfig.MAX_TRANSFER_BYTES, 65536)) {
            ByteBuffer data = pattern(9, 100, 4096);
            assertEquals(StorageErrors.TOO_LARGE, code(device.write(0, data)));
            assertEquals(new IoResult(IoOperation.WRITE, 3, 100), device.transferLarge(IoRequest.write(3, data))
                    .orElseThrow());
            ByteBuffer back = ByteBuffer.allocate(100 * 4096);
            assertTrue(device.transferLarge(IoRequest.read(3, back)).isOk());
            assertEquals(data, back);
            assertHolds(device, 3, pattern(9, 1, 4096));
            assertEquals(7 + 7 + 1, device.stats().completed());
        }
    }

    /**
     * Regression: the chunk offset was an int, and after the second 1 GiB chunk of a transfer near 2 GiB it
     * overflowed to a negative offset, so the chunker threw IndexOutOfBoundsException instead of finishing. The
     * buffer is a mapping of a sparse file: nothing is read or written, so it costs no memory.
     */
    @Test
    void aTransferNear2GiBDoesNotOverflowItsChunkOffset(@TempDir Path dir) throws Exception {
        int length = Integer.MAX_VALUE - (BLOCK - 1);
        Path sparse = dir.resolve("sparse");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(sparse.toFile(), "rw")) {
            file.setLength(length);
            ByteBuffer huge = file.getChannel().map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, length);
            DeviceCapabilities large = new DeviceCapabilities(BLOCK, BLOCK, 1L << 23, 1 << 30, 0, 0, 0, 8, Set.of());
            HalResult<IoResult> result = LargeTransfer.run(IoRequest.write(0, huge), large,
                    request -> HalResult.ok(new IoResult(request.operation(), request.lba(),
                            request.length() / BLOCK)), yields::incrementAndGet);
            assertEquals(new IoResult(IoOperation.WRITE, 0, length / BLOCK), result.orElseThrow());
            assertEquals(1, yields.get());
        }
    }
}
