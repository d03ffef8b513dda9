package flight.hal.driver.support.thread;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * One task as a worker runs it: what it throws goes to {@code onFailure}, and {@code onDone} runs after it in every
 * case, also when the task is abandoned because its driver shut down first.
 */
final class Job implements Runnable {

    /** The work itself; may throw anything, which is reported, not propagated. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final Body body;
    private final Consumer<Throwable> onFailure;
    private final Runnable onDone;

    Job(Body body, Consumer<Throwable> onFailure, Runnable onDone) {
        this.body = body;
        this.onFailure = onFailure;
        this.onDone = onDone;
    }

    @Override
    public void run() {
        try {
            body.run();
        } catch (Exception | Error e) {
            onFailure.accept(e);
        } finally {
            onDone.run();
        }
    }

    /** The task will never run: it is reported as cancelled. */
    void abandon(String why) {
        try {
            onFailure.accept(new CancellationException(why));
        } finally {
            onDone.run();
        }
    }
}
