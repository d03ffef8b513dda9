package flight.hal.compliance.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the kit calls drivers on, made in one place: daemon threads named {@code hal-compliance-<n>}, one per
 * call in flight, so a driver that never returns holds only the thread it hung on and never the kit, the shell or
 * the JVM's exit.
 */
final class KitThreads implements AutoCloseable {
    private final AtomicInteger made = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "hal-compliance-" + made.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /**
     * How a call ended: with a value (possibly null), with what it threw, or not within its time.
     *
     * @param <T> the value's type
     */
    record Ending<T>(T value, Throwable thrown, boolean hung) {
    }

    /**
     * Runs {@code call} on a kit thread and waits at most {@code timeoutMillis}. A call that does not end in time is
     * interrupted and abandoned: its thread is left to the driver, and nobody waits for it again.
     */
    <T> Ending<T> run(Callable<T> call, long timeoutMillis) {
        Future<T> running = executor.submit(call);
        try {
            return new Ending<>(running.get(timeoutMillis, TimeUnit.MILLISECONDS), null, false);
        } catch (ExecutionException e) {
            return new Ending<>(null, e.getCause(), false);
        } catch (TimeoutException e) {
            running.cancel(true);
            return new Ending<>(null, null, true);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return new Ending<>(null, e, false);
        }
    }

    /** Interrupts what still runs (hung drivers included) and takes no more calls. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
