package flight.hal.thread;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalDriver;
import flight.hal.HalResult;

/**
 * The threading HAL interface: run work under the platform's {@linkplain #threadingModel() threading model} on at most
 * {@link #workerCount()} threads at once. A task called from one of the driver's own workers that waits for other
 * tasks ({@link #executeParallel}) runs them itself, so nesting never deadlocks. Bad input and exceeded limits are
 * error results; the failure of a task is reported, never thrown at the caller.
 */
@ProviderType
public interface ThreadDriver extends HalDriver {

    /** Error code of {@link #executeParallel} when tasks threw; the message counts them and names the first failure. */
    String TASK_FAILED = "thread.task_failed";

    /**
     * Error code ({@code INVALID_STATE}) of {@link #executeParallel} when the caller was interrupted while tasks were
     * unfinished; the caller's interrupt status is set again.
     *
     * @since 2.0.0
     */
    String INTERRUPTED = "thread.interrupted";

    /** How this platform runs work in parallel. */
    ThreadingModel threadingModel();

    /** The most tasks that run at the same time. */
    int workerCount();

    /**
     * Runs every task, at most {@link #workerCount()} at a time, and returns when all have finished. When tasks throw,
     * the others still run and the result is an {@code INTERNAL} error with code {@value #TASK_FAILED}; an interrupted
     * caller gets {@value #INTERRUPTED}.
     */
    HalResult<Void> executeParallel(List<? extends Runnable> tasks);

    /**
     * Queues one task and returns at once; the stage completes with the task's value, or exceptionally with what it
     * threw, or with a {@link java.util.concurrent.CancellationException} when the driver shuts down before running it.
     */
    <T> HalResult<CompletionStage<T>> submit(Callable<T> task);
}
