package flight.hal.driver.storage.internal;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;

/**
 * A device's bounded submission queue and the threads that execute it. A submission that does not fit is answered at
 * once with an error instead of growing the queue; every accepted submission completes, with its result, with an
 * error when its work threw, or with an error when the queue is closed before it ran.
 */
final class SubmissionQueue {
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionQueue.class);
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final String device;
    private final int depth;
    private final DeviceCounters counters;
    private final ThreadPoolExecutor executor;

    SubmissionQueue(String device, int threads, int depth, DeviceCounters counters) {
        this.device = device;
        this.depth = depth;
        this.counters = counters;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(depth), work -> {
                    Thread thread = new Thread(work, "hal-storage-" + device + "-io-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** A queued request: its work and the future it completes, exactly once. */
    private static final class Task implements Runnable {
        final CompletableFuture<HalResult<IoResult>> future = new CompletableFuture<>();
        private final Supplier<HalResult<IoResult>> work;

        Task(Supplier<HalResult<IoResult>> work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                future.complete(work.get());
            } catch (RuntimeException e) {
                future.complete(failed(e));
            } finally {
                future.complete(HalResult.err(HalError.of(ErrorCategory.INTERNAL, "the request was aborted")));
            }
        }
    }

    /** The answer to work that threw: logged, and an {@code INTERNAL} error instead of the exception. */
    static HalResult<IoResult> failed(RuntimeException e) {
        LOG.error("an I/O request failed unexpectedly", e);
        return HalResult.err(HalError.of(ErrorCategory.INTERNAL, "the request failed: " + e));
    }

    /**
     * Queues {@code work}; the future completes with its result, or at once with an {@code io.queue_full} or
     * {@code device.closed} error when it cannot be queued.
     */
    CompletableFuture<HalResult<IoResult>> submit(Supplier<HalResult<IoResult>> work) {
        Task task = new Task(work);
        try {
            executor.execute(task);
            counters.submitted();
        } catch (RejectedExecutionException e) {
            if (!executor.isShutdown()) {
                counters.rejected();
            }
            task.future.complete(HalResult.err(executor.isShutdown() ? closed()
                    : new HalError(ErrorCategory.INSUFFICIENT_RESOURCES, StorageErrors.QUEUE_FULL,
                            "the submission queue of "
                    + device + " is full (" + depth + " requests queued): back off and resubmit")));
        }
        return task.future;
    }

    /** Runs what is queued, then stops; what has not started within the wait completes with an error. */
    void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("device {}: I/O still running after {} s; abandoning the queue", device, CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Runnable> abandoned = executor.shutdownNow();
        abandoned.forEach(task -> ((Task) task).future.complete(HalResult.err(closed())));
    }

    private HalError closed() {
        return new HalError(ErrorCategory.INVALID_STATE, StorageErrors.DEVICE_CLOSED, "device " + device
                + " is closed");
    }
}
