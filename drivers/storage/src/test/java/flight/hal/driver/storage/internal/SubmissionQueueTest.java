package flight.hal.driver.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;

class SubmissionQueueTest {
    private static final HalResult<IoResult> DONE = HalResult.ok(new IoResult(IoOperation.FLUSH, 0, 0));

    private final DeviceCounters counters = new DeviceCounters();

    @Test
    void workThatThrowsCompletesWithAnInternalErrorNotExceptionally() {
        SubmissionQueue queue = new SubmissionQueue("q", 1, 4, counters);
        CompletableFuture<HalResult<IoResult>> failed = queue.submit(() -> {
            throw new IllegalStateException("boom");
        });
        HalResult<IoResult> result = failed.join();
        assertFalse(failed.isCompletedExceptionally());
        assertEquals(ErrorCategory.INTERNAL, result.errorOrNull().category());
        assertTrue(result.errorOrNull().message().contains("boom"));
        queue.close();
    }

    @Test
    void closeRunsWhatIsQueuedAndThenRefuses() throws Exception {
        SubmissionQueue queue = new SubmissionQueue("q", 1, 8, counters);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<HalResult<IoResult>>> queued = new ArrayList<>();
        queued.add(queue.submit(() -> {
            Devices.awaitQuietly(release);
            return DONE;
        }));
        for (int i = 0; i < 5; i++) {
            queued.add(queue.submit(() -> DONE));
        }
        release.countDown();
        queue.close();
        queued.forEach(future -> assertEquals(DONE, future.getNow(null)));
        assertEquals(StorageErrors.DEVICE_CLOSED, queue.submit(() -> DONE).join().errorOrNull().code());
        assertEquals(6, counters.snapshot().submitted());
        assertEquals(0, counters.snapshot().rejected());
    }
}
