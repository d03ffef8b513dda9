package flight.hal.console.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import flight.hal.HalResult;
import flight.hal.compliance.ComplianceKit;
import flight.hal.compliance.ComplianceReport;

/**
 * Compliance runs started from the Drivers page: one at a time on the page's own thread, never on a request's, so
 * the page answers while the kit works (the kit bounds its own calls and checks); the page shows each driver's
 * latest run, queued, running or done.
 */
final class ComplianceRuns {
    /** Runs waiting beyond the one running; more are refused with a message. */
    static final int MAX_QUEUED = 8;
    /** Finished runs kept to show; the oldest go first. */
    static final int MAX_KEPT = 20;

    enum State { QUEUED, RUNNING, DONE, FAILED }

    /**
     * The latest run of one driver.
     *
     * @param sequence when it was started, in order
     * @param reports  the kit's reports once {@link State#DONE}
     * @param error    why it failed once {@link State#FAILED}
     */
    record Run(String driver, long sequence, State state, List<ComplianceReport> reports, String error) {
        Run with(State next, List<ComplianceReport> doneReports, String failure) {
            return new Run(driver, sequence, next, doneReports, failure);
        }
    }

    private final ExecutorService executor;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    ComplianceRuns() {
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(MAX_QUEUED),
                task -> {
                    Thread thread = new Thread(task, "hal-console-compliance");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Queues a run of the kit against {@code driver}; returns what the page says about it. */
    String start(String driver, ComplianceKit kit) {
        if (driver.isEmpty()) {
            return "no driver named: choose one of the page";
        }
        if (kit == null) {
            return "the compliance kit is not running (bundle flight.hal.compliance)";
        }
        Run queued = new Run(driver, sequence.incrementAndGet(), State.QUEUED, List.of(), "");
        Run earlier = runs.putIfAbsent(driver, queued);
        if (earlier != null) {
            if (earlier.state() == State.QUEUED || earlier.state() == State.RUNNING) {
                return "a compliance run of " + driver + " is already " + earlier.state().name().toLowerCase();
            }
            if (!runs.replace(driver, earlier, queued)) {
                return "a compliance run of " + driver + " was just started";
            }
        }
        try {
            executor.execute(() -> run(queued, kit));
        } catch (RejectedExecutionException full) {
            runs.remove(driver, queued);
            return "refused: " + MAX_QUEUED + " compliance runs are already waiting";
        }
        forgetOldest();
        return "compliance run of " + driver + " started; its report shows below when done";
    }

    private void run(Run queued, ComplianceKit kit) {
        runs.replace(queued.driver(), queued, queued.with(State.RUNNING, List.of(), ""));
        Run done;
        try {
            HalResult<List<ComplianceReport>> result = kit.check(queued.driver());
            if (result == null) {
                done = queued.with(State.FAILED, List.of(), "the compliance kit returned null");
            } else if (result.isErr()) {
                done = queued.with(State.FAILED, List.of(), result.errorOrNull().toString());
            } else {
                done = queued.with(State.DONE, List.copyOf(result.valueOrNull()), "");
            }
        } catch (RuntimeException broken) {
            done = queued.with(State.FAILED, List.of(), "the compliance kit threw " + broken);
        }
        runs.put(queued.driver(), done);
    }

    /** Keeps the page short: drops the oldest finished runs beyond {@link #MAX_KEPT}. */
    private void forgetOldest() {
        List<Run> finished = new ArrayList<>(runs.values().stream()
                .filter(run -> run.state() == State.DONE || run.state() == State.FAILED).toList());
        finished.sort(Comparator.comparingLong(Run::sequence));
        for (int i = 0; i < finished.size() - MAX_KEPT; i++) {
            runs.remove(finished.get(i).driver(), finished.get(i));
        }
    }

    /** Every driver's latest run, newest first. */
    List<Run> runs() {
        return runs.values().stream().sorted(Comparator.comparingLong(Run::sequence).reversed()).toList();
    }

    /** Stops the page's thread; a run under way is interrupted and its result dropped. */
    void close() {
        executor.shutdownNow();
    }
}
