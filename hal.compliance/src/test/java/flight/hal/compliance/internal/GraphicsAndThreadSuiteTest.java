package flight.hal.compliance.internal;

import static flight.hal.compliance.internal.Fakes.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import flight.hal.HalResult;
import flight.hal.compliance.CheckResult;
import flight.hal.compliance.Verdict;
import flight.hal.driver.dreamcast.internal.DreamcastGraphicsDriver;
import flight.hal.driver.dreamcast.internal.DreamcastMemoryDriver;
import flight.hal.driver.dreamcast.internal.DreamcastThreadDriver;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.thread.ThreadDriver;
import flight.hal.thread.ThreadingModel;

class GraphicsAndThreadSuiteTest {

    private static List<CheckResult> checkGraphics(GraphicsDriver driver) {
        DreamcastMemoryDriver memory = new DreamcastMemoryDriver();
        memory.initialize().orElseThrow();
        try {
            return Fakes.check(new GraphicsSuite(Fakes.handleOf(memory)), driver, GraphicsDriver.class);
        } finally {
            memory.shutdown();
        }
    }

    private static List<CheckResult> checkThreads(ThreadDriver driver) {
        return Fakes.check(new ThreadSuite(), driver, ThreadDriver.class);
    }

    @Test
    void theDreamcastGraphicsPassEveryCheck() {
        List<CheckResult> results = checkGraphics(new DreamcastGraphicsDriver());
        Fakes.assertNoFailure(results);
        assertEquals(9, results.size());
        assertTrue(named(results, "exhaustion and recovery").detail().contains("8.0 MiB (8,388,608 B) of texture memory"));
        assertTrue(named(results, "buffer over a memory allocation").detail().contains("dreamcast.memory"));
    }

    @Test
    void graphicsThatNeverFreeFailCleanupAndRecovery() {
        GraphicsDriver real = new DreamcastGraphicsDriver();
        GraphicsDriver hoarding = Fakes.bend(GraphicsDriver.class, real, "releaseBuffer", args -> HalResult.ok());
        List<CheckResult> results = checkGraphics(hoarding);
        assertEquals(Verdict.FAIL, named(results, "resource cleanup").verdict());
        assertEquals(Verdict.FAIL, named(results, "exhaustion and recovery").verdict());
    }

    @Test
    void graphicsThatDrawIntoAnotherDriversTargetFailErrorHandling() {
        GraphicsDriver real = new DreamcastGraphicsDriver();
        GraphicsDriver careless = Fakes.bend(GraphicsDriver.class, real, "fillRect", args -> HalResult.ok());
        CheckResult errors = named(checkGraphics(careless), "error handling");
        assertEquals(Verdict.FAIL, errors.verdict());
        assertEquals("fillRect(another driver's target) succeeded; expected the error INVALID_PARAMETER",
                errors.detail());
    }

    @Test
    void graphicsThatClipInsteadOfRefusingFailValidation() {
        GraphicsDriver real = new DreamcastGraphicsDriver();
        GraphicsDriver clipping = Fakes.bend(GraphicsDriver.class, real, "fillRect", args -> HalResult.ok());
        CheckResult validation = named(checkGraphics(clipping), "parameter validation");
        assertEquals(Verdict.FAIL, validation.verdict());
        assertTrue(validation.detail().startsWith("fillRect(partly outside) succeeded"));
    }

    @Test
    void theDreamcastThreadsPassEveryCheck() {
        List<CheckResult> results = checkThreads(new DreamcastThreadDriver());
        Fakes.assertNoFailure(results);
        assertEquals(8, results.size());
        assertEquals(Verdict.SKIPPED, named(results, "dual-core coordination").verdict());
        assertTrue(named(results, "threading model").detail().startsWith("SINGLE_THREAD: all 1 workers"));
    }

    @Test
    void aModelThatDoesNotMatchTheWorkersFails() {
        ThreadDriver real = new DreamcastThreadDriver();
        ThreadDriver misreported = Fakes.bend(ThreadDriver.class, real, "threadingModel",
                args -> ThreadingModel.DUAL_CORE);
        CheckResult model = named(checkThreads(misreported), "threading model");
        assertEquals(Verdict.FAIL, model.verdict());
        assertEquals("DUAL_CORE with 1 workers", model.detail());
    }

    @Test
    void threadsThatHideFailuresFailErrorHandling() {
        ThreadDriver real = new DreamcastThreadDriver();
        ThreadDriver silent = Fakes.bend(ThreadDriver.class, real, "executeParallel", args -> {
            real.executeParallel(((List<?>) args[0]).stream().map(task -> (Runnable) () -> {
                try {
                    ((Runnable) task).run();
                } catch (RuntimeException swallowed) {
                    // the fault under test: a failure nobody hears of
                }
            }).toList());
            return HalResult.ok();
        });
        assertEquals(Verdict.FAIL, named(checkThreads(silent), "error handling").verdict());
    }
}
