package flight.hal.compliance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/** Runs the threads of a concurrency check and waits for them, bounded. */
final class Concurrently {
    static final long TIMEOUT_SECONDS = 60;

    private Concurrently() {
    }

    /**
     * Runs {@code body} for thread numbers 0 to {@code threads - 1}, each on a thread of its own, and waits for all.
     * An unmet expectation on any thread fails the check with its message.
     *
     * @return null when every thread finished, else why not
     */
    static String run(int threads, IntConsumer body) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int id = thread;
                workers.add(pool.submit(() -> body.accept(id)));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Expect.Unmet unmet) {
                        throw unmet;
                    }
                    throw e;
                } catch (TimeoutException e) {
                    return "the threads did not finish within " + TIMEOUT_SECONDS + " s";
                }
            }
            return null;
        } finally {
            pool.shutdownNow();
        }
    }
}
