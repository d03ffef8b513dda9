package flight.hal.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.compliance.ComplianceKit;
import flight.hal.compliance.ComplianceReport;

class ComplianceRunsTest {

    private static ComplianceRuns.Run awaitFinished(ComplianceRuns runs, String driver) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (ComplianceRuns.Run run : runs.runs()) {
                if (run.driver().equals(driver) && (run.state() == ComplianceRuns.State.DONE
                        || run.state() == ComplianceRuns.State.FAILED)) {
                    return run;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        throw new AssertionError("the run of " + driver + " did not finish: " + runs.runs());
    }

    @Test
    void aRunHappensInTheBackgroundAndItsReportIsKept() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        ComplianceReport report = new ComplianceReport("d", "I", "Linux", "host", List.of());
        ComplianceKit kit = Stubs.stub(ComplianceKit.class, (method, args) -> {
            release.await();
            return "d".equals(args[0]) ? HalResult.ok(List.of(report))
                    : HalResult.err(HalError.notFound("no driver named " + args[0]));
        });
        ComplianceRuns runs = new ComplianceRuns();
        try {
            assertEquals("compliance run of d started; its report shows below when done", runs.start("d", kit));
            assertTrue(runs.start("d", kit).startsWith("a compliance run of d is already "), "not twice at once");
            assertEquals("compliance run of x started; its report shows below when done", runs.start("x", kit));
            release.countDown();

            assertEquals(List.of(report), awaitFinished(runs, "d").reports());
            assertEquals("NOT_FOUND: no driver named x", awaitFinished(runs, "x").error());
            assertTrue(runs.start("d", kit).startsWith("compliance run of d started"), "again once done");
        } finally {
            runs.close();
        }
    }

    @Test
    void aKitThatThrowsOrAnswersNullIsAFailedRun() {
        ComplianceKit kit = Stubs.stub(ComplianceKit.class, (method, args) -> {
            if ("throws".equals(args[0])) {
                throw new IllegalStateException("kit broke");
            }
            return null;
        });
        ComplianceRuns runs = new ComplianceRuns();
        try {
            runs.start("throws", kit);
            runs.start("null", kit);
            assertEquals("the compliance kit threw java.lang.IllegalStateException: kit broke",
                    awaitFinished(runs, "throws").error());
            assertEquals("the compliance kit returned null", awaitFinished(runs, "null").error());
            assertEquals("no driver named: choose one of the page", runs.start("", kit));
        } finally {
            runs.close();
        }
    }
}
