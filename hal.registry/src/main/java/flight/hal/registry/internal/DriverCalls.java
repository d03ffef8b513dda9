package flight.hal.registry.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import flight.hal.HalError;
import flight.hal.HalResult;

/**
 * Calls into drivers that the registry does not trust: a {@code null}, an exception or (for calls with a time bound) a
 * call that does not return in time becomes an error result naming the driver and the method; nothing escapes.
 */
final class DriverCalls {
    private final Executor callers;

    /** @param callers runs bounded calls, one thread each, so that a hung driver holds only its own thread */
    DriverCalls(Executor callers) {
        this.callers = callers;
    }

    /** The pool bounded calls run on: a thread per call in flight, daemon, so a hung driver never holds the JVM. */
    static ExecutorService newCallerPool() {
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "hal-registry-driver-call");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code call} on this thread; its null or exception as an error. */
    static <T> HalResult<T> direct(String driver, String method, Supplier<T> call) {
        try {
            T value = call.get();
            return value != null ? HalResult.ok(value)
                    : HalResult.err(HalError.internal(driver + ": " + method + " returned null"));
        } catch (RuntimeException | LinkageError e) {
            return HalResult.err(HalError.internal(driver + ": " + method + " threw " + e));
        }
    }

    /** A driver method that itself returns a result: its null or exception as an error too. */
    static <T> HalResult<T> directResult(String driver, String method, Supplier<HalResult<T>> call) {
        return direct(driver, method, call).flatMap(result -> result);
    }

    /**
     * {@code call} on a thread of its own, waiting at most {@code timeoutNanos}. When it returns later, its late value
     * is given to {@code late} (to undo it), on the thread that ran it.
     */
    <T> HalResult<T> bounded(String driver, String method, long timeoutNanos, Supplier<HalResult<T>> call,
                             Consumer<HalResult<T>> late) {
        CompletableFuture<HalResult<T>> running = CompletableFuture.supplyAsync(
                () -> directResult(driver, method, call), callers);
        try {
            return running.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            running.thenAccept(late);
            return HalResult.err(HalError.timeout(driver + ": " + method + " did not return within "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HalResult.err(HalError.internal(driver + ": interrupted while waiting for " + method));
        } catch (ExecutionException e) {
            return HalResult.err(HalError.internal(driver + ": " + method + " failed: " + e.getCause()));
        }
    }
}
