package flight.hal.driver.storage.internal;

import static flight.hal.driver.storage.internal.Devices.assertHolds;
import static flight.hal.driver.storage.internal.Devices.code;
import static flight.hal.driver.storage.internal.Devices.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import flight.hal.HalResult;
import flight.hal.platform.TemperatureReading;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;

/** The synchronous wrappers run on the caller's thread, yet throttle, count and close like submitted requests. */
class SynchronousPathTest extends DeviceTestCase {
    private static final int BLOCK = 4096;

    private final Set<Thread> readers = ConcurrentHashMap.newKeySet();

    @Override
    String name() {
        return "sync";
    }

    @Override
    Object[] configuration() {
        return new Object[] {DeviceConfig.CAPACITY_BYTES, 64 * BLOCK, DeviceConfig.THERMAL_INTERVAL_MILLIS, 0,
                DeviceConfig.THERMAL_PAUSE_MICROS, 1};
    }

    @Test
    void aSynchronousCallRunsOnTheCallersThreadThrottledAndCountedLikeASubmittedOne() {
        device.temperature = PlatformStubs.sensor(() -> {
            readers.add(Thread.currentThread());
            return HalResult.ok(new TemperatureReading("hot", 95));
        });
        assertEquals(new IoResult(IoOperation.WRITE, 3, 2), device.write(3, pattern(1, 2, BLOCK)).orElseThrow());
        assertEquals(Set.of(Thread.currentThread()), readers, "the request ran on the calling thread");
        DeviceStats stats = device.stats();
        assertEquals(1, stats.submitted());
        assertEquals(1, stats.completed());
        assertEquals(1, stats.throttled());
        assertEquals(2L * BLOCK, stats.bytesWritten());
        assertEquals(StorageErrors.OUT_OF_RANGE, code(device.write(64, pattern(1, 1, BLOCK))));
        assertEquals(2, device.stats().submitted());
        assertEquals(1, device.stats().failed());
    }

    @Test
    void closingWaitsForASynchronousWriteInProgressWhichCompletes() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        device.temperature = PlatformStubs.sensor(() -> {
            inside.countDown();
            Devices.awaitQuietly(release);
            return HalResult.ok(new TemperatureReading("cool", 20));
        });
        CompletableFuture<HalResult<IoResult>> writing = CompletableFuture.supplyAsync(
                () -> device.write(7, pattern(2, 1, BLOCK)));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(device::close);
        while (device.isAvailable()) {
            Thread.onSpinWait(); // the close has not begun yet
        }
        assertEquals(StorageErrors.DEVICE_CLOSED, code(device.read(7, ByteBuffer.allocate(BLOCK))),
                "a call arriving while the device closes is refused");
        assertFalse(closing.isDone(), "the write in progress still uses the files");
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertTrue(writing.get(10, TimeUnit.SECONDS).isOk(), "the admitted write completed before the files closed");
        reopen(configuration());
        assertHolds(device, 7, pattern(2, 1, BLOCK));
    }
}
