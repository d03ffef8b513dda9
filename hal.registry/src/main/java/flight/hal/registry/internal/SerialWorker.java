package flight.hal.registry.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one interface's selection work one task at a time, in submission order, on the registry's worker threads, so
 * that driver code is never called under a lock anybody else waits for.
 */
final class SerialWorker {
    private static final Logger LOG = LoggerFactory.getLogger(SerialWorker.class);

    /** The threads selection work runs on; a caller on one of them must not wait for more selection work. */
    static final class WorkerThread extends Thread {
        WorkerThread(Runnable task) {
            super(task, "hal-registry-worker");
            setDaemon(true);
        }
    }

    /** The pool selection work runs on. */
    static ExecutorService newWorkerPool() {
        return Executors.newCachedThreadPool(WorkerThread::new);
    }

    private final String name;
    private final Executor executor;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    SerialWorker(String name, Executor executor) {
        this.name = name;
        this.executor = executor;
    }

    /** Runs {@code task} after every task submitted before it; the future completes with its value. */
    synchronized <T> CompletableFuture<T> submit(Supplier<T> task) {
        CompletableFuture<T> next = tail.handle((ignored, failure) -> null).thenApplyAsync(ignored -> {
            try {
                return task.get();
            } catch (RuntimeException | Error e) {
                LOG.error("{}: selection work failed", name, e);
                throw e;
            }
        }, executor);
        tail = next;
        return next;
    }

    /**
     * Waits for {@code work}, at most {@code boundNanos}; returns its value, or {@code fallback} when it failed, ran
     * out of time, or when the caller is itself a worker thread (which must not wait for the queue it serves).
     */
    static <T> T await(CompletableFuture<T> work, long boundNanos, T fallback) {
        if (Thread.currentThread() instanceof WorkerThread) {
            return fallback;
        }
        try {
            return work.get(boundNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("selection work did not complete in {} ms: {}", TimeUnit.NANOSECONDS.toMillis(boundNanos),
                    e.toString());
        }
        return fallback;
    }
}
