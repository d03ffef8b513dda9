package flight.hal.driver.support.thread;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.thread.ThreadDriver;

/**
 * One initialization's worker threads, named after the platform's processors, with the admission limit: at most
 * {@code maxAdmitted} tasks queued or running at once.
 */
final class Workers {
    private static final long DRAIN_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

    private final String driverName;
    private final int maxAdmitted;
    private final Semaphore slots;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor executor;

    Workers(String driverName, List<String> threadNames, int maxAdmitted) {
        this.driverName = driverName;
        this.maxAdmitted = maxAdmitted;
        this.slots = new Semaphore(maxAdmitted);
        AtomicInteger created = new AtomicInteger();
        executor = new ThreadPoolExecutor(threadNames.size(), threadNames.size(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task,
                            threadNames.get(created.getAndIncrement() % threadNames.size()));
                    thread.setDaemon(true);
                    threads.add(thread);
                    return thread;
                });
    }

    /** Whether the calling thread is one of these workers. */
    boolean onWorker() {
        return threads.contains(Thread.currentThread());
    }

    /** Runs {@code tasks} on the workers and waits for all; errors for the admission limit, interrupts, failures. */
    HalResult<Void> runAll(List<? extends Runnable> tasks) {
        if (!slots.tryAcquire(tasks.size())) {
            return HalResult.err(HalError.insufficientResources(driverName + ": " + tasks.size()
                    + " tasks exceed the limit of " + maxAdmitted + " tasks queued or running at once; "
                    + slots.availablePermits() + " are free now"));
        }
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(tasks.size());
        for (Runnable task : tasks) {
            dispatch(new Job(task::run, failures::add, () -> {
                slots.release();
                done.countDown();
            }));
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HalResult.err(new HalError(ErrorCategory.INVALID_STATE, ThreadDriver.INTERRUPTED, driverName
                    + ": interrupted while " + done.getCount() + " of " + tasks.size() + " tasks were unfinished"));
        }
        return outcome(driverName, tasks.size(), failures);
    }

    /** Queues one task; an error when the admission limit is reached. */
    <T> HalResult<CompletionStage<T>> submit(Callable<T> task) {
        if (!slots.tryAcquire()) {
            return HalResult.err(HalError.insufficientResources(driverName + ": the limit of " + maxAdmitted
                    + " tasks queued or running at once is reached"));
        }
        CompletableFuture<T> future = new CompletableFuture<>();
        dispatch(new Job(() -> future.complete(task.call()), future::completeExceptionally, slots::release));
        return HalResult.ok(future);
    }

    private void dispatch(Job job) {
        try {
            executor.execute(job);
        } catch (RejectedExecutionException e) {
            job.abandon(driverName + " shut down before the task ran");
        }
    }

    /** Lets queued and running tasks finish for a bounded time, then interrupts them and abandons the queue. */
    void stop() {
        executor.shutdown();
        try {
            if (executor.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Runnable> abandoned = executor.shutdownNow();
        LOG.warn("{}: tasks still running after {} s of shutdown; interrupted them and abandoned {} queued",
                driverName, DRAIN_SECONDS, abandoned.size());
        abandoned.forEach(job -> ((Job) job).abandon(driverName + " shut down before the task ran"));
    }

    /** Success, or the {@value ThreadDriver#TASK_FAILED} error counting the failures and naming the first. */
    static HalResult<Void> outcome(String driverName, int taskCount, Queue<Throwable> failures) {
        if (failures.isEmpty()) {
            return HalResult.ok();
        }
        return HalResult.err(new HalError(ErrorCategory.INTERNAL, ThreadDriver.TASK_FAILED, driverName + ": "
                + failures.size() + " of " + taskCount + " tasks threw; the first: " + failures.peek()));
    }
}
