package flight.hal.driver.storage.internal;

import static flight.hal.driver.storage.internal.Devices.assertHolds;
import static flight.hal.driver.storage.internal.Devices.code;
import static flight.hal.driver.storage.internal.Devices.isZero;
import static flight.hal.driver.storage.internal.Devices.pattern;
import static flight.hal.driver.storage.internal.Devices.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.platform.TemperatureReading;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;

class FileDeviceTest extends DeviceTestCase {
    private static final int BLOCK = 4096;

    @Override
    String name() {
        return "disk";
    }

    @Override
    Object[] configuration() {
        return new Object[] {DeviceConfig.CAPACITY_BYTES, 64 * BLOCK, DeviceConfig.MAX_TRANSFER_BYTES, 8 * BLOCK};
    }

    @Test
    void capabilitiesDescribeTheConfiguredFile() throws Exception {
        var caps = device.deviceCapabilities();
        assertEquals(BLOCK, caps.logicalBlockSize());
        assertTrue(caps.physicalBlockSize() >= BLOCK);
        assertEquals(64, caps.capacityBlocks());
        assertEquals(8 * BLOCK, caps.maxTransferBytes());
        assertTrue(caps.has(DeviceFeature.FUA) && caps.has(DeviceFeature.DISCARD));
        assertFalse(caps.has(DeviceFeature.ZONED) || caps.has(DeviceFeature.NVM));
        assertEquals(64L * BLOCK, Files.size(dir.resolve("disk.img")));
        assertTrue(device.isAvailable() && device.isActive());
        assertEquals("disk", device.name());
        assertTrue(device.ioPath().contains("page cache"), device.ioPath());
    }

    @Test
    void writtenBlocksReadBackAndTheCallersBufferIsLeftAlone() {
        ByteBuffer data = pattern(1, 3, BLOCK);
        HalResult<IoResult> written = device.write(5, data);
        assertEquals(new IoResult(IoOperation.WRITE, 5, 3), written.orElseThrow());
        assertEquals(0, data.position());
        assertHolds(device, 5, pattern(1, 3, BLOCK));
        assertTrue(isZero(read(device, 0, 5)));
    }

    @Test
    void asynchronousSubmissionsCompleteWithTheirResults() {
        CompletableFuture<HalResult<IoResult>> chain = device.submit(IoRequest.writeFua(10, pattern(2, 2, BLOCK)))
                .thenCompose(written -> device.submit(IoRequest.flush()))
                .thenCompose(flushed -> device.submit(IoRequest.read(10, ByteBuffer.allocateDirect(2 * BLOCK))))
                .toCompletableFuture();
        assertEquals(new IoResult(IoOperation.READ, 10, 2), chain.join().orElseThrow());
        assertHolds(device, 10, pattern(2, 2, BLOCK));
        DeviceStats stats = device.stats();
        assertTrue(stats.completed() >= 4 && stats.bytesWritten() == 2L * BLOCK, stats.toString());
    }

    @Test
    void badRequestsAreRefusedAndWriteNothing() {
        device.write(0, pattern(3, 1, BLOCK)).orElseThrow();
        assertEquals(StorageErrors.MISALIGNED, code(device.write(0, ByteBuffer.allocate(BLOCK + 1))));
        assertEquals(StorageErrors.MISALIGNED, code(device.write(0, ByteBuffer.allocate(0))));
        assertEquals(StorageErrors.OUT_OF_RANGE, code(device.write(63, ByteBuffer.allocate(2 * BLOCK))));
        assertEquals(StorageErrors.OUT_OF_RANGE, code(device.write(-1, ByteBuffer.allocate(BLOCK))));
        assertEquals(StorageErrors.OUT_OF_RANGE, code(device.read(Long.MAX_VALUE, ByteBuffer.allocate(BLOCK))));
        assertEquals(StorageErrors.TOO_LARGE, code(device.write(0, ByteBuffer.allocate(9 * BLOCK))));
        assertEquals(StorageErrors.NO_BUFFER, code(device.execute(new IoRequest(IoOperation.WRITE, 0, 0, null,
                false))));
        assertEquals(StorageErrors.READ_ONLY_BUFFER, code(device.read(0,
                ByteBuffer.allocate(BLOCK).asReadOnlyBuffer())));
        assertEquals(StorageErrors.EMPTY, code(device.execute(IoRequest.discard(0, 0))));
        assertEquals(StorageErrors.OUT_OF_RANGE, code(device.execute(IoRequest.discard(60, 5))));
        assertEquals(ErrorCategory.INVALID_PARAMETER, device.submit(null).toCompletableFuture().join()
                .errorOrNull().category());
        assertHolds(device, 0, pattern(3, 1, BLOCK));
        assertEquals(10, device.stats().failed());
    }

    @Test
    void discardedBlocksReadAsZerosUntilWrittenAgainAcrossRestarts() {
        device.write(0, pattern(4, 8, BLOCK)).orElseThrow();
        assertEquals(new IoResult(IoOperation.DISCARD, 2, 3), device.execute(IoRequest.discard(2, 3)).orElseThrow());
        ByteBuffer after = read(device, 0, 8);
        assertTrue(isZero(after.slice(2 * BLOCK, 3 * BLOCK)));
        assertEquals(pattern(4, 2, BLOCK), after.slice(0, 2 * BLOCK));
        assertEquals(pattern(4, 8, BLOCK).slice(5 * BLOCK, 3 * BLOCK), after.slice(5 * BLOCK, 3 * BLOCK));

        device.write(3, pattern(5, 1, BLOCK)).orElseThrow();
        device.flush().orElseThrow();
        reopen(DeviceConfig.CAPACITY_BYTES, 64 * BLOCK);
        assertTrue(isZero(read(device, 2, 1)));
        assertHolds(device, 3, pattern(5, 1, BLOCK));
        assertTrue(isZero(read(device, 4, 1)));
    }

    @Test
    void operationsOfOtherKindsOfDeviceAreUnsupported() {
        assertEquals(StorageErrors.NOT_ZONED, code(device.zoneAppend(0, ByteBuffer.allocate(BLOCK))));
        assertEquals(StorageErrors.NOT_ZONED, code(device.execute(IoRequest.zone(IoOperation.ZONE_RESET, 0))));
        assertEquals(StorageErrors.NOT_ZONED, code(device.reportZones()));
        assertEquals(StorageErrors.NOT_ZONED, code(device.allocateZone()));
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, device.persist(0, BLOCK).errorOrNull().category());
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, device.mapping().errorOrNull().category());
    }

    @Test
    void aFileInUseByAnotherDeviceIsRefused() {
        HostBlockDevice second = HostBlockDevice.open(Devices.properties(dir, "disk"));
        assertFalse(second.isAvailable());
        assertTrue(second.initialize().errorOrNull().message().contains(StorageErrors.DEVICE_LOCKED));
        assertEquals(ErrorCategory.UNAVAILABLE, second.read(0, ByteBuffer.allocate(BLOCK)).errorOrNull().category());
        second.close();
    }

    @Test
    void aBrokenConfigurationMakesAnUnavailableDevice() {
        HostBlockDevice broken = HostBlockDevice.open(Devices.properties(dir, "broken", DeviceConfig.BLOCK_SIZE, 3));
        assertFalse(broken.isAvailable());
        assertEquals("broken", broken.name());
        assertEquals(ErrorCategory.INITIALIZATION_FAILED, broken.initialize().errorOrNull().category());
        assertTrue(broken.ioPath().contains(StorageErrors.CONFIG_INVALID), broken.ioPath());
        assertEquals(ErrorCategory.UNAVAILABLE, broken.reportZones().errorOrNull().category());
        broken.close();
    }

    @Test
    void aFullQueuePushesBackInsteadOfGrowing() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        reopen(DeviceConfig.IO_THREADS, 1, DeviceConfig.QUEUE_DEPTH, 1, DeviceConfig.THERMAL_INTERVAL_MILLIS, 0);
        device.temperature = PlatformStubs.sensor(() -> {
            running.countDown();
            Devices.awaitQuietly(release);
            return HalResult.ok(new TemperatureReading("test", 20));
        });
        CompletableFuture<HalResult<IoResult>> first = device.submit(IoRequest.flush()).toCompletableFuture();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        CompletableFuture<HalResult<IoResult>> queued = device.submit(IoRequest.flush()).toCompletableFuture();
        HalResult<IoResult> refused = device.submit(IoRequest.flush()).toCompletableFuture().join();
        assertEquals(StorageErrors.QUEUE_FULL, code(refused));
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, refused.errorOrNull().category());
        release.countDown();
        assertTrue(first.join().isOk());
        assertTrue(queued.join().isOk());
        assertEquals(1, device.stats().rejected());
        assertEquals(2, device.stats().submitted());
    }

    @Test
    void aClosedDeviceAnswersEveryRequest() {
        device.close();
        assertEquals(StorageErrors.DEVICE_CLOSED, code(device.flush()));
        assertFalse(device.isActive());
        assertTrue(device.shutdown().isOk());
    }

    @Test
    void shutdownFlushesAndInitializeReactivates() {
        device.write(0, pattern(6, 1, BLOCK)).orElseThrow();
        assertTrue(device.shutdown().isOk());
        assertFalse(device.isActive());
        assertTrue(device.initialize().isOk());
        assertHolds(device, 0, pattern(6, 1, BLOCK));
    }

    @Test
    void directIoIsUsedWhereTheFileSystemAllowsItAndSaysWhichPath() {
        reopen(DeviceConfig.DIRECT_IO, true);
        boolean direct = device.deviceCapabilities().has(DeviceFeature.DIRECT_IO);
        assertTrue(device.ioPath().contains(direct ? "O_DIRECT" : "direct I/O refused"), device.ioPath());
        ByteBuffer misaligned = ByteBuffer.allocateDirect(3 * BLOCK + 1).position(1).slice();
        misaligned.put(pattern(7, 3, BLOCK)).flip();
        device.write(1, misaligned).orElseThrow();
        device.write(4, pattern(8, 1, BLOCK)).orElseThrow();
        assertHolds(device, 1, pattern(7, 3, BLOCK));
        ByteBuffer into = ByteBuffer.allocateDirect(BLOCK + 1).position(1).slice();
        device.read(4, into).orElseThrow();
        assertEquals(pattern(8, 1, BLOCK), into);
    }
}
