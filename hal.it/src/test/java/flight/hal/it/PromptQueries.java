package flight.hal.it;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the registry something on a helper thread and fails the test when the answer takes longer than a bound, so a
 * query stuck behind a driver shows up as a failed assertion instead of a hung build.
 */
final class PromptQueries implements AutoCloseable {
    private final long boundMillis;
    private final ExecutorService askers = Executors.newCachedThreadPool(query -> {
        Thread asker = new Thread(query, "hal-it-prompt-query");
        asker.setDaemon(true);
        return asker;
    });

    PromptQueries(long boundMillis) {
        this.boundMillis = boundMillis;
    }

    /** The answer of {@code query}, named {@code what} in the failure when it does not come within the bound. */
    <T> T answer(String what, Callable<T> query) throws InterruptedException {
        Future<T> answer = askers.submit(query);
        try {
            return answer.get(boundMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException blocked) {
            throw new AssertionError(what + " did not answer within " + boundMillis + " ms");
        } catch (ExecutionException failed) {
            throw new AssertionError(what + " failed", failed.getCause());
        }
    }

    /** Abandons any query still blocked (its thread is a daemon). */
    @Override
    public void close() {
        askers.shutdownNow();
    }
}
