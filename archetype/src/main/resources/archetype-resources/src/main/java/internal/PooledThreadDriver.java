package ${package}.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.RegisterHalDriver;
import flight.hal.thread.ThreadDriver;
import flight.hal.thread.ThreadingModel;

/**
 * A thread driver running tasks on a pool of {@value #WORKERS} worker threads, started by {@code initialize()} and
 * stopped by {@code shutdown()}: replace the pool with your platform's threads and keep the rest.
 *
 * <p>Prototype scope: the registry and the compliance kit each get their own instance, so the kit checks a private
 * one while the runtime keeps using the registry's.
 */
@Component(service = ThreadDriver.class, scope = ServiceScope.PROTOTYPE)
@RegisterHalDriver(hal_interface = ThreadDriver.class, hal_driver_name = PooledThreadDriver.NAME, service_ranking = 20)
public class PooledThreadDriver implements ThreadDriver {
    /** The driver's {@code hal.driver.name}. */
    public static final String NAME = "${artifactId}.thread";
    static final int WORKERS = 2;

    /** The pool of this initialization; null while not initialized. */
    private volatile ExecutorService pool;

    /** A submitted task and the stage its caller holds: cancelled if the pool stops before running it. */
    private record Queued<T>(Callable<T> task, CompletableFuture<T> stage) implements Runnable {
        @Override
        public void run() {
            try {
                stage.complete(task.call());
            } catch (Exception | Error e) {
                stage.completeExceptionally(e);
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public synchronized HalResult<Void> initialize() {
        if (pool == null) {
            AtomicInteger made = new AtomicInteger();
            pool = Executors.newFixedThreadPool(WORKERS, work -> {
                Thread worker = new Thread(work, NAME + "-worker-" + made.incrementAndGet());
                worker.setDaemon(true);
                return worker;
            });
        }
        return HalResult.ok();
    }

    @Override
    public synchronized HalResult<Void> shutdown() {
        ExecutorService stopping = pool;
        pool = null;
        if (stopping != null) {
            for (Runnable unstarted : stopping.shutdownNow()) {
                if (unstarted instanceof Queued<?> queued) {
                    queued.stage().completeExceptionally(new CancellationException(NAME + " shut down"));
                }
            }
        }
        return HalResult.ok();
    }

    /** The component goes away (its bundle stops): its threads with it. */
    @Deactivate
    void deactivate() {
        shutdown();
    }

    @Override
    public boolean isActive() {
        return pool != null;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Set<HalCapability> capabilities() {
        return EnumSet.of(HalCapability.THREADING);
    }

    @Override
    public PerformanceTier performanceTier() {
        return PerformanceTier.STANDARD;
    }

    /** The total memory is the machine's, not this driver's concern: 0, unknown. */
    @Override
    public PlatformInfo platformInfo() {
        return new PlatformInfo("Java threads", System.getProperty("os.arch", "unknown"), "", 0, 8, 0, WORKERS, 0);
    }

    @Override
    public ThreadingModel threadingModel() {
        return ThreadingModel.WORKER_POOL;
    }

    @Override
    public int workerCount() {
        return WORKERS;
    }

    @Override
    public HalResult<Void> executeParallel(List<? extends Runnable> tasks) {
        if (tasks == null) {
            return HalResult.err(HalError.invalidParameter(NAME + ": the task list is null"));
        }
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i) == null) {
                return HalResult.err(HalError.invalidParameter(NAME + ": task " + i + " is null; nothing ran"));
            }
        }
        List<CompletableFuture<Object>> running = new ArrayList<>(tasks.size());
        for (Runnable task : tasks) {
            HalResult<CompletionStage<Object>> queued = submit(() -> {
                task.run();
                return null;
            });
            if (queued.isErr()) {
                return HalResult.err(queued.errorOrNull());
            }
            running.add(queued.valueOrNull().toCompletableFuture());
        }
        int failed = 0;
        Throwable first = null;
        for (CompletableFuture<Object> task : running) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return HalResult.err(new HalError(ErrorCategory.INVALID_STATE, INTERRUPTED,
                        NAME + ": interrupted while tasks were running"));
            } catch (ExecutionException | CancellationException e) {
                failed++;
                first = first == null ? (e.getCause() == null ? e : e.getCause()) : first;
            }
        }
        return failed == 0 ? HalResult.ok() : HalResult.err(new HalError(ErrorCategory.INTERNAL, TASK_FAILED,
                NAME + ": " + failed + " of " + tasks.size() + " tasks failed, the first with " + first));
    }

    @Override
    public <T> HalResult<CompletionStage<T>> submit(Callable<T> task) {
        if (task == null) {
            return HalResult.err(HalError.invalidParameter(NAME + ": the task is null"));
        }
        ExecutorService running = pool;
        if (running == null) {
            return HalResult.err(HalError.invalidState(NAME + " is not initialized"));
        }
        Queued<T> queued = new Queued<>(task, new CompletableFuture<>());
        try {
            running.execute(queued);
        } catch (RejectedExecutionException e) {
            return HalResult.err(HalError.invalidState(NAME + " is shutting down"));
        }
        return HalResult.ok(queued.stage());
    }
}
