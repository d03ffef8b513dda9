package flight.hal.console.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import flight.hal.HalError;
import flight.hal.HalResult;

/**
 * Calls into drivers for a page, bounded: a driver that throws, answers null or does not answer within the bound
 * is shown as an error, and the page still answers. A call that hangs keeps its (daemon) thread; until it returns,
 * that driver is not called again (each refresh would otherwise leave one more thread waiting on it).
 */
final class DriverCalls {
    private final Duration bound;
    private final ExecutorService executor;
    /** Calls that did not answer within the bound, by the driver they wait on, until they return. */
    private final Map<Object, CompletableFuture<?>> unanswered = new ConcurrentHashMap<>();

    DriverCalls(Duration bound) {
        this.bound = bound;
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "hal-console-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * What {@code call} on {@code driver} answered, or an error naming {@code what} when it threw, answered null or
     * hung, or when an earlier call on {@code driver} still has not returned.
     */
    <T> HalResult<T> call(Object driver, String what, Supplier<T> call) {
        CompletableFuture<?> earlier = unanswered.get(driver);
        if (earlier != null) {
            return HalResult.err(HalError.timeout(what + " not called: an earlier call has not returned"));
        }
        CompletableFuture<T> answer = CompletableFuture.supplyAsync(call, executor);
        try {
            T value = answer.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return value == null ? HalResult.err(HalError.internal(what + " returned null")) : HalResult.ok(value);
        } catch (ExecutionException threw) {
            return HalResult.err(HalError.internal(what + " threw " + threw.getCause()));
        } catch (TimeoutException hung) {
            unanswered.put(driver, answer);
            answer.whenComplete((value, failure) -> unanswered.remove(driver, answer));
            return HalResult.err(HalError.timeout(what + " did not answer within " + bound.toMillis() + " ms"));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return HalResult.err(HalError.internal(what + ": interrupted"));
        }
    }

    void close() {
        executor.shutdownNow();
    }
}
