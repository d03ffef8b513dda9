package flight.hal.driver.support.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.thread.ThreadDriver;
import flight.hal.thread.ThreadingModel;

class WorkerThreadDriverTest {
    private static final long TIMEOUT_SECONDS = 20;

    static final class TestThreadDriver extends WorkerThreadDriver {
        TestThreadDriver(List<String> names, int maxAdmitted) {
            super("test.thread", names.size() == 1 ? ThreadingModel.SINGLE_THREAD : ThreadingModel.WORKER_POOL,
                    names, maxAdmitted);
        }

        @Override
        protected PlatformProfile platform() {
            return new PlatformProfile(new PlatformInfo("Test Console", "test", "", 1 << 20, 8, 1 << 20, 2, 0),
                    Set.of(HalCapability.THREADING), PerformanceTier.LIMITED);
        }
    }

    private final List<TestThreadDriver> drivers = new ArrayList<>();

    private TestThreadDriver driver(int maxAdmitted, String... names) {
        TestThreadDriver driver = new TestThreadDriver(List.of(names), maxAdmitted);
        driver.initialize().orElseThrow();
        drivers.add(driver);
        return driver;
    }

    @AfterEach
    void shutDown() {
        drivers.forEach(WorkerThreadDriver::shutdown);
    }

    private static ErrorCategory category(HalResult<?> result) {
        assertTrue(result.isErr(), () -> "expected an error, got " + result);
        return result.errorOrNull().category();
    }

    @Test
    void everyWorkerRunsAtOnceOnThreadsNamedAfterItsProcessor() {
        TestThreadDriver driver = driver(WorkerThreadDriver.UNBOUNDED, "core-a", "core-b", "core-c");
        CyclicBarrier allAtOnce = new CyclicBarrier(3);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Runnable meet = () -> {
            threads.add(Thread.currentThread().getName());
            try {
                allAtOnce.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        driver.executeParallel(List.of(meet, meet, meet)).orElseThrow();
        assertEquals(Set.of("core-a", "core-b", "core-c"), threads);
        assertEquals(3, driver.workerCount());
        assertEquals(ThreadingModel.WORKER_POOL, driver.threadingModel());
    }

    @Test
    void aSingleWorkerRunsTasksOneAfterAnotherInOrder() {
        TestThreadDriver driver = driver(WorkerThreadDriver.UNBOUNDED, "only");
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int index = i;
            tasks.add(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                order.add(index);
                running.decrementAndGet();
            });
        }
        driver.executeParallel(tasks).orElseThrow();
        assertEquals(1, mostAtOnce.get());
        assertEquals(50, order.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(i, order.get(i));
        }
    }

    @Test
    void nestedParallelCallsFromAWorkerRunInlineInsteadOfDeadlocking() {
        TestThreadDriver driver = driver(WorkerThreadDriver.UNBOUNDED, "only");
        AtomicInteger inner = new AtomicInteger();
        List<HalResult<Void>> nested = Collections.synchronizedList(new ArrayList<>());
        driver.executeParallel(List.of(() -> nested.add(driver.executeParallel(
                List.of(inner::incrementAndGet, inner::incrementAndGet))))).orElseThrow();
        assertEquals(2, inner.get());
        assertTrue(nested.get(0).isOk());
    }

    @Test
    void failingTasksAreReportedAndTheOthersStillRun() {
        TestThreadDriver driver = driver(WorkerThreadDriver.UNBOUNDED, "a", "b");
        AtomicInteger ran = new AtomicInteger();
        Runnable fine = ran::incrementAndGet;
        Runnable broken = () -> {
            throw new IllegalStateException("boom");
        };
        HalResult<Void> result = driver.executeParallel(List.of(fine, broken, fine, broken, fine));
        HalError error = result.errorOrNull();
        assertEquals(ErrorCategory.INTERNAL, error.category());
        assertEquals(ThreadDriver.TASK_FAILED, error.code());
        assertTrue(error.message().startsWith("test.thread: 2 of 5 tasks threw; the first: "
                + "java.lang.IllegalStateException: boom"), error.message());
        assertEquals(3, ran.get());
        assertTrue(driver.executeParallel(List.of()).isOk());
    }

    @Test
    void badTaskListsAreRefused() {
        TestThreadDriver driver = driver(WorkerThreadDriver.UNBOUNDED, "a");
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.executeParallel(null)));
        HalResult<Void> withNull = driver.executeParallel(Arrays.asList(() -> { }, null));
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(withNull));
        assertEquals("test.thread: task 1 of 2 is null", withNull.errorOrNull().message());
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.submit(null)));
    }

    @Test
    void submittedTasksCompleteWithTheirValueOrTheirFailure() throws Exception {
        TestThreadDriver driver = driver(WorkerThreadDriver.UNBOUNDED, "a");
        CompletableFuture<String> value = driver.submit(() -> "done").orElseThrow().toCompletableFuture();
        assertEquals("done", value.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        CompletableFuture<Object> failed = driver.submit(() -> {
            throw new java.io.IOException("disk");
        }).orElseThrow().toCompletableFuture();
        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> failed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals("disk", thrown.getCause().getMessage());
    }

    @Test
    void theAdmissionLimitRefusesWhatDoesNotFitAndFreesAsTasksFinish() throws Exception {
        TestThreadDriver driver = driver(3, "a");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> blocker = driver.submit(() -> release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .orElseThrow().toCompletableFuture();
        HalResult<Void> tooMany = driver.executeParallel(List.of(() -> { }, () -> { }, () -> { }));
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, category(tooMany));
        assertEquals("test.thread: 3 tasks exceed the limit of 3 tasks queued or running at once; 2 are free now",
                tooMany.errorOrNull().message());
        driver.submit(() -> 1).orElseThrow();
        driver.submit(() -> 2).orElseThrow();
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, category(driver.submit(() -> 3)));
        release.countDown();
        assertTrue(blocker.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        driver.shutdown().orElseThrow();
        driver.initialize().orElseThrow();
        assertTrue(driver.executeParallel(List.of(() -> { }, () -> { }, () -> { })).isOk());
    }

    @Test
    void shutdownLetsQueuedTasksFinishAndLaterCallsAreInvalidState() throws Exception {
        TestThreadDriver driver = driver(WorkerThreadDriver.UNBOUNDED, "a");
        CountDownLatch release = new CountDownLatch(1);
        driver.submit(() -> release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).orElseThrow();
        CompletableFuture<String> queued = driver.submit(() -> "queued").orElseThrow().toCompletableFuture();
        release.countDown();
        driver.shutdown().orElseThrow();
        assertEquals("queued", queued.getNow("unfinished"));
        assertEquals(ErrorCategory.INVALID_STATE, category(driver.submit(() -> 1)));
        assertEquals(ErrorCategory.INVALID_STATE, category(driver.executeParallel(List.of())));
    }

    @Test
    void alikeWorkersAreNumbered() {
        assertEquals(List.of("core-1", "core-2", "core-3"), WorkerThreadDriver.numbered("core-", 3));
    }

    @Test
    void anAbandonedJobIsReportedAsCancelled() {
        List<Throwable> failures = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        new Job(() -> { }, failures::add, done::incrementAndGet).abandon("driver gone");
        assertEquals(1, done.get());
        assertTrue(failures.get(0) instanceof CancellationException);
        assertEquals("driver gone", failures.get(0).getMessage());
    }
}
