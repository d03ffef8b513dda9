package flight.hal.driver.support.thread;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import flight.hal.HalResult;
import flight.hal.driver.support.DriverBase;
import flight.hal.thread.ThreadDriver;
import flight.hal.thread.ThreadingModel;

/**
 * A thread driver with one worker thread per processor of its threading model, named after them; the threads are
 * started by {@link #initialize()} and stopped by {@link #shutdown()}, which lets queued tasks finish for a while.
 */
public abstract class WorkerThreadDriver extends DriverBase<Workers> implements ThreadDriver {
    /** For {@code maxAdmitted}: no limit but the machine's. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private final ThreadingModel model;
    private final List<String> threadNames;
    private final int maxAdmitted;

    /**
     * @param threadNames one name per worker thread
     * @param maxAdmitted the most tasks queued or running at once, or {@link #UNBOUNDED}
     */
    protected WorkerThreadDriver(String name, ThreadingModel model, List<String> threadNames, int maxAdmitted) {
        super(name);
        this.model = model;
        this.threadNames = List.copyOf(threadNames);
        this.maxAdmitted = maxAdmitted;
    }

    /** {@code <prefix>1} to {@code <prefix><count>}: names for workers that are all alike. */
    protected static List<String> numbered(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(index -> prefix + index).toList();
    }

    @Override
    protected HalResult<Workers> open() {
        return HalResult.ok(new Workers(name(), threadNames, maxAdmitted));
    }

    @Override
    protected void close(Workers closing) {
        closing.stop();
    }

    @Override
    public ThreadingModel threadingModel() {
        return model;
    }

    @Override
    public int workerCount() {
        return threadNames.size();
    }

    /** From one of this driver's own workers the tasks run right there, one after another, so nesting cannot deadlock. */
    @Override
    public HalResult<Void> executeParallel(List<? extends Runnable> tasks) {
        return state().flatMap(workers -> {
            if (tasks == null) {
                return invalid("the task list is null");
            }
            for (int index = 0; index < tasks.size(); index++) {
                if (tasks.get(index) == null) { // not indexOf(null): immutable lists throw for it
                    return invalid("task " + index + " of " + tasks.size() + " is null");
                }
            }
            if (!workers.onWorker()) {
                return workers.runAll(tasks);
            }
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            tasks.forEach(task -> new Job(task::run, failures::add, () -> { }).run());
            return Workers.outcome(name(), tasks.size(), failures);
        });
    }

    @Override
    public <T> HalResult<CompletionStage<T>> submit(Callable<T> task) {
        return state().flatMap(workers -> task == null ? invalid("the task is null") : workers.submit(task));
    }
}
