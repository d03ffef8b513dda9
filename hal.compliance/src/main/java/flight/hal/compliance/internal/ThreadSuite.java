package flight.hal.compliance.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.compliance.CheckCategory;
import flight.hal.thread.ThreadDriver;
import flight.hal.thread.ThreadingModel;

/** The compliance checks of a thread driver. */
final class ThreadSuite implements Suite {
    private static final long WAIT_SECONDS = 20;
    private static final int BATCHES = 20;
    private static final int BATCH_SIZE = 50;
    private static final int SUBMITTERS = 4;
    private static final int SUBMISSIONS = 100;

    @Override
    public void run(DriverUnderTest tested, Sla sla, Checks checks) {
        ThreadDriver threads = (ThreadDriver) tested.driver;
        checks.run("interface contract", CheckCategory.CONTRACT, () -> DriverContract.check(tested, null));
        checks.run("threading model", CheckCategory.CONTRACT, () -> model(threads));
        checks.run("parameter validation", CheckCategory.VALIDATION, () -> validation(threads));
        checks.run("error handling", CheckCategory.ERROR_HANDLING, () -> errorHandling(threads));
        checks.run("many tasks", CheckCategory.STRESS, () -> manyTasks(threads));
        checks.run("concurrent submitters", CheckCategory.STRESS, () -> submitters(threads));
        checks.run("dual-core coordination", CheckCategory.SLA, () -> DualCore.check(threads, sla));
        checks.soak("long-running stability", CheckCategory.STRESS, () -> soak(threads, checks.soak()));
    }

    /** Long-running stability: batches of one task per worker and a submission, again for the soak's length. */
    private static Outcome soak(ThreadDriver threads, Duration length) throws Exception {
        int workers = threads.workerCount();
        AtomicLong ran = new AtomicLong();
        long rounds = Soak.run(length, round -> {
            Expect.ok(threads.executeParallel(Collections.nCopies(workers, (Runnable) ran::incrementAndGet)),
                    "executeParallel() in round " + round);
            CompletableFuture<Long> answer = Expect.ok(threads.submit(() -> round), "submit() in round " + round)
                    .toCompletableFuture();
            Expect.that(answer.get(WAIT_SECONDS, TimeUnit.SECONDS) == round, "submit() in round " + round
                    + " completed with another value");
        });
        Expect.that(ran.get() == rounds * workers, ran.get() + " of " + rounds * workers + " tasks ran");
        return Outcome.pass(Soak.length(length) + ": " + rounds + " rounds of " + workers + " parallel tasks and a"
                + " submission, each run exactly once");
    }

    /** The model matches the worker count, all workers run at once, never more, and submit() delivers a value. */
    private static Outcome model(ThreadDriver threads) throws Exception {
        ThreadingModel model = threads.threadingModel();
        int workers = threads.workerCount();
        Expect.that(model != null && workers >= 1, "model " + model + " with " + workers + " workers");
        Expect.that(model != ThreadingModel.SINGLE_THREAD || workers == 1, "SINGLE_THREAD with " + workers
                + " workers");
        Expect.that(model != ThreadingModel.DUAL_CORE || workers == 2, "DUAL_CORE with " + workers + " workers");
        CyclicBarrier allAtOnce = new CyclicBarrier(workers);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Runnable meet = () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                allAtOnce.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("only " + allAtOnce.getNumberWaiting() + " of " + workers
                        + " workers ran at once", e);
            } finally {
                running.decrementAndGet();
            }
        };
        Expect.ok(threads.executeParallel(Collections.nCopies(workers, meet)), workers + " tasks that meet");
        Expect.ok(threads.executeParallel(Collections.nCopies(workers * 4, (Runnable) () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            running.decrementAndGet();
        })), workers * 4 + " short tasks");
        Expect.that(mostAtOnce.get() == workers, mostAtOnce.get() + " tasks ran at once with " + workers
                + " workers");
        CompletableFuture<Integer> answer = Expect.ok(threads.submit(() -> 42), "submit()").toCompletableFuture();
        Expect.that(answer.get(WAIT_SECONDS, TimeUnit.SECONDS) == 42, "submit() completed with another value");
        return Outcome.pass(model + ": all " + workers + " workers ran at once and never more; submit() delivered"
                + " its value");
    }

    private static Outcome validation(ThreadDriver threads) {
        Expect.error(threads.executeParallel(null), ErrorCategory.INVALID_PARAMETER, "executeParallel(null)");
        Expect.error(threads.executeParallel(Arrays.asList(() -> { }, null)), ErrorCategory.INVALID_PARAMETER,
                "executeParallel(a list holding null)", "1");
        Expect.error(threads.submit(null), ErrorCategory.INVALID_PARAMETER, "submit(null)");
        return Outcome.pass("null task lists, null tasks: refused");
    }

    private static Outcome errorHandling(ThreadDriver threads) throws InterruptedException, TimeoutException {
        AtomicInteger ran = new AtomicInteger();
        Runnable fine = ran::incrementAndGet;
        Runnable broken = () -> {
            throw new IllegalStateException("a failing task");
        };
        HalError failure = Expect.error(threads.executeParallel(List.of(fine, broken, fine)), ErrorCategory.INTERNAL,
                "executeParallel(with a failing task)", "a failing task");
        Expect.that(ThreadDriver.TASK_FAILED.equals(failure.code()), "the failure's code is " + failure.code());
        Expect.that(ran.get() == 2, ran.get() + " of the 2 good tasks ran beside the failing one");
        CompletableFuture<Object> failed = Expect.ok(threads.submit(() -> {
            throw new IllegalStateException("a failing submission");
        }), "submit(a failing task)").toCompletableFuture();
        try {
            failed.get(WAIT_SECONDS, TimeUnit.SECONDS);
            return Outcome.fail("a failing submitted task completed normally");
        } catch (ExecutionException e) {
            Expect.that(e.getCause() instanceof IllegalStateException, "the stage failed with " + e.getCause());
        }
        return Outcome.pass("a failing task is reported as " + ThreadDriver.TASK_FAILED + " while the others run; a"
                + " failing submission fails its stage");
    }

    private static Outcome manyTasks(ThreadDriver threads) {
        AtomicInteger ran = new AtomicInteger();
        for (int batch = 0; batch < BATCHES; batch++) {
            Expect.ok(threads.executeParallel(Collections.nCopies(BATCH_SIZE, (Runnable) ran::incrementAndGet)),
                    "batch " + batch);
        }
        Expect.that(ran.get() == BATCHES * BATCH_SIZE, ran.get() + " of " + BATCHES * BATCH_SIZE + " tasks ran");
        return Outcome.pass(BATCHES + " batches of " + BATCH_SIZE + " tasks, each run exactly once");
    }

    private static Outcome submitters(ThreadDriver threads) throws Exception {
        List<Integer> results = Collections.synchronizedList(new ArrayList<>());
        String unfinished = Concurrently.run(SUBMITTERS, submitter -> {
            for (int i = 0; i < SUBMISSIONS; i++) {
                int value = submitter * SUBMISSIONS + i;
                CompletableFuture<Integer> stage = Expect.ok(threads.submit(() -> value), "submit()")
                        .toCompletableFuture();
                results.add(stage.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join());
            }
        });
        if (unfinished != null) {
            return Outcome.fail(unfinished);
        }
        Expect.that(results.stream().distinct().count() == SUBMITTERS * SUBMISSIONS, "submissions were lost or"
                + " answered twice: " + results.size() + " results");
        return Outcome.pass(SUBMITTERS + " threads x " + SUBMISSIONS + " submissions, each answered with its value");
    }
}
