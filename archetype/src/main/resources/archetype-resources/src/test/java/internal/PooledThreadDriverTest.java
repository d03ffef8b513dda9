package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.testkit.ThreadDriverContract;
import flight.hal.thread.ThreadDriver;

/** The thread HAL contract (the test kit's jqwik property), and the driver's lifecycle. */
class PooledThreadDriverTest implements ThreadDriverContract {

    @Override
    public ThreadDriver newThreadDriver() {
        PooledThreadDriver driver = new PooledThreadDriver();
        driver.initialize().orElseThrow();
        return driver;
    }

    @Test
    void aTaskQueuedWhenTheDriverShutsDownIsCancelled() throws Exception {
        ThreadDriver threads = newThreadDriver();
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < threads.workerCount(); i++) {
            threads.submit(() -> release.await(10, TimeUnit.SECONDS)).orElseThrow();
        }
        CompletableFuture<Integer> queued = threads.submit(() -> 1).orElseThrow().toCompletableFuture();
        threads.shutdown().orElseThrow();
        release.countDown();
        assertThrows(CancellationException.class, () -> queued.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aDriverThatIsNotInitializedRefusesWork() {
        ThreadDriver threads = new PooledThreadDriver();
        assertEquals(ErrorCategory.INVALID_STATE, threads.submit(() -> 1).errorOrNull().category());
    }
}
