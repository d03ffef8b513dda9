package flight.hal.driver.storage.internal;

import static flight.hal.driver.storage.internal.Devices.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flight.hal.HalResult;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.ZoneState;

/** Many appenders on one zone: every append gets its own LBA, none is lost, none overlaps another. */
class ZoneAppendConcurrencyTest {
    private static final int BLOCK = 512;
    private static final int APPENDERS = 8;
    private static final int APPENDS = 40;

    @Test
    void concurrentAppendsNeitherOverlapNorGetLost(@TempDir Path dir) throws Exception {
        ExecutorService appenders = Executors.newFixedThreadPool(APPENDERS);
        try (HostBlockDevice device = Devices.open(dir, "zns", DeviceConfig.KIND, "ZONED", DeviceConfig.BLOCK_SIZE,
                BLOCK, DeviceConfig.ZONE_SIZE_BLOCKS, 1024, DeviceConfig.ZONE_COUNT, 2, DeviceConfig.IO_THREADS, 4,
                DeviceConfig.QUEUE_DEPTH, APPENDERS * APPENDS)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Map<Long, Long>>> results = new ArrayList<>();
            for (int appender = 0; appender < APPENDERS; appender++) {
                int id = appender;
                results.add(appenders.submit(() -> append(device, id, start)));
            }
            start.countDown();
            Map<Long, Long> seedByLba = new TreeMap<>();
            for (Future<Map<Long, Long>> result : results) {
                Map<Long, Long> own = result.get(60, TimeUnit.SECONDS);
                own.forEach((lba, seed) -> assertEquals(null, seedByLba.put(lba, seed), "LBA " + lba + " twice"));
            }
            int total = APPENDERS * APPENDS;
            assertEquals(total, seedByLba.size());
            long expectedLba = 1024;
            for (Map.Entry<Long, Long> append : seedByLba.entrySet()) {
                assertEquals(expectedLba, append.getKey(), "appends are contiguous");
                assertEquals(pattern(append.getValue(), 1, BLOCK), Devices.read(device, append.getKey(), 1));
                expectedLba++;
            }
            var zone = device.reportZones().orElseThrow().get(1);
            assertEquals(1024 + total, zone.writePointer());
            assertEquals(ZoneState.IMPLICITLY_OPEN, zone.state());
        } finally {
            appenders.shutdownNow();
        }
    }

    /** Appends {@code APPENDS} one-block patterns asynchronously; returns the seed each LBA was given. */
    private static Map<Long, Long> append(HostBlockDevice device, int appender, CountDownLatch start)
            throws InterruptedException {
        start.await();
        List<CompletableFuture<HalResult<IoResult>>> pending = new ArrayList<>();
        for (int i = 0; i < APPENDS; i++) {
            ByteBuffer data = pattern(appender * 1000L + i, 1, BLOCK);
            pending.add(device.submit(IoRequest.zoneAppend(1024, data)).toCompletableFuture());
        }
        Map<Long, Long> seedByLba = new TreeMap<>();
        for (int i = 0; i < APPENDS; i++) {
            HalResult<IoResult> result = pending.get(i).join();
            assertTrue(result.isOk(), result::toString);
            seedByLba.put(result.orElseThrow().resultLba(), appender * 1000L + i);
        }
        return seedByLba;
    }
}
