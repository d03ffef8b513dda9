package flight.hal.testkit;

import static flight.hal.testkit.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.thread.ThreadDriver;

/**
 * The threading HAL contract as a jqwik property: batches of generated tasks, some of which throw and some of which
 * are null, run through {@code executeParallel} and {@code submit}. Every good task runs exactly once; a batch with a
 * null task, or a null batch or task, is refused before anything runs; a throwing task is reported, never thrown.
 *
 * <p>Implement it in a driver's tests: {@code class MyThreadContractTest implements ThreadDriverContract}.
 */
public interface ThreadDriverContract {

    /** How long a submitted task may take to complete before the property fails. */
    long COMPLETION_SECONDS = 30;

    /** A new driver, initialized and ready; the property shuts it down. */
    ThreadDriver newThreadDriver();

    /**
     * One batch through {@code executeParallel} and the same tasks through {@code submit}.
     *
     * @param size     how many tasks
     * @param throwing which of them throw
     * @param nulls    which of them are null (then the batch is refused and nothing runs)
     */
    @HalProperty
    default void threadDriverKeepsItsContract(@ForAll("taskCounts") int size,
            @ForAll("taskIndexes") Set<Integer> throwing, @ForAll("taskIndexes") Set<Integer> nulls) throws Exception {
        ThreadDriver driver = newThreadDriver();
        try {
            assertTrue(driver.workerCount() >= 1, "at least one worker");
            assertNotNull(driver.threadingModel(), "a threading model");
            AtomicIntegerArray runs = new AtomicIntegerArray(size);
            List<Runnable> tasks = new ArrayList<>();
            for (int index = 0; index < size; index++) {
                int task = index;
                tasks.add(nulls.contains(index) ? null : () -> {
                    runs.incrementAndGet(task);
                    if (throwing.contains(task)) {
                        throw new IllegalStateException("task " + task + " fails on purpose");
                    }
                });
            }
            HalResult<Void> batch = driver.executeParallel(tasks);
            checkBatch(batch, tasks, throwing, runs);
            assertRefused(driver.executeParallel(null), "executeParallel(null)");
            assertRefused(driver.submit(null), "submit(null)");
            checkSubmitted(driver, tasks, throwing);
            Steps.count("ThreadDriver " + driver.name(), 5 + tasks.stream().filter(Objects::nonNull).count());
        } finally {
            driver.shutdown();
        }
    }

    private static void checkBatch(HalResult<Void> batch, List<Runnable> tasks, Set<Integer> throwing,
            AtomicIntegerArray runs) {
        assertNotNull(batch, "executeParallel returned null");
        int[] expected = new int[tasks.size()];
        if (tasks.contains(null)) {
            assertRefused(batch, "executeParallel with a null task");
        } else {
            Arrays.fill(expected, 1);
            boolean anyThrows = throwing.stream().anyMatch(index -> index < tasks.size());
            if (anyThrows) {
                HalError error = assertRefused(batch, "executeParallel with throwing tasks");
                assertEquals(ErrorCategory.INTERNAL, error.category(), "category of failed tasks");
                assertEquals(ThreadDriver.TASK_FAILED, error.code(), "code of failed tasks");
            } else {
                assertTrue(batch.isOk(), () -> "executeParallel of good tasks: " + batch);
            }
        }
        int[] ran = new int[tasks.size()];
        Arrays.setAll(ran, runs::get);
        assertArrayEquals(expected, ran, "times each task ran");
    }

    private static void checkSubmitted(ThreadDriver driver, List<Runnable> tasks, Set<Integer> throwing)
            throws Exception {
        for (int index = 0; index < tasks.size(); index++) {
            Runnable task = tasks.get(index);
            if (task == null) {
                continue;
            }
            int value = index;
            HalResult<CompletionStage<Integer>> submitted = driver.submit(() -> {
                task.run();
                return value;
            });
            assertTrue(submitted != null && submitted.isOk(), () -> "submit of a task: " + submitted);
            try {
                Integer result = submitted.valueOrNull().toCompletableFuture().get(COMPLETION_SECONDS,
                        TimeUnit.SECONDS);
                assertTrue(!throwing.contains(index), () -> "task " + value + " threw, yet its stage completed");
                assertEquals(value, result, "value of a submitted task");
            } catch (ExecutionException failed) {
                assertTrue(throwing.contains(index), () -> "task " + value + " failed: " + failed.getCause());
                assertSame(IllegalStateException.class, failed.getCause().getClass(), "what the task threw");
            }
        }
    }

    @Provide
    default Arbitrary<Integer> taskCounts() {
        return Arbitraries.integers().between(0, 24);
    }

    @Provide
    default Arbitrary<Set<Integer>> taskIndexes() {
        return Arbitraries.oneOf(Arbitraries.just(Set.of()), Arbitraries.integers().between(0, 23).set().ofMaxSize(3));
    }
}
