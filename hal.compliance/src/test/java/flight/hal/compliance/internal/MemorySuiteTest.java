package flight.hal.compliance.internal;

import static flight.hal.compliance.internal.Fakes.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.compliance.CheckCategory;
import flight.hal.compliance.CheckResult;
import flight.hal.compliance.Measurement;
import flight.hal.compliance.Verdict;
import flight.hal.driver.dreamcast.internal.DreamcastMemoryDriver;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryDriver;

class MemorySuiteTest {

    private static List<CheckResult> check(MemoryDriver driver) {
        return Fakes.check(new MemorySuite(), driver, MemoryDriver.class);
    }

    @Test
    void theDreamcastProfilePassesEveryCheckAndItsFiguresAreMeasured() {
        List<CheckResult> results = check(new DreamcastMemoryDriver());
        Fakes.assertNoFailure(results);
        assertEquals(13, results.size());
        assertTrue(named(results, "interface contract").detail().contains("a private instance"));
        Measurement efficiency = named(results, "memory efficiency").figure().orElseThrow();
        assertFalse(efficiency.timing());
        assertEquals("> 90 %", efficiency.requirement());
        assertTrue(efficiency.value() > 90 && efficiency.value() <= 100, "efficiency " + efficiency.value());
        CheckResult latency = named(results, "allocation latency");
        assertEquals(CheckCategory.SLA, latency.category());
        assertTrue(latency.isTiming());
        assertEquals("< 5 ms", latency.measurement().requirement());
        assertTrue(latency.detail().startsWith("99.9th percentile of " + MemoryLoad.SAMPLES + " allocations"),
                latency.detail());
        assertEquals(Verdict.PASS, named(results, "exhaustion and recovery").verdict());
        Measurement throughput = named(results, "memory throughput").figure().orElseThrow();
        assertEquals("GB/s", throughput.unit());
        assertEquals("", throughput.requirement()); // the Dreamcast sets no throughput level
        assertTrue(throughput.value() > 0);
        assertEquals("", named(results, "GC-friendly churn").measurement().requirement());
        assertTrue(named(results, "long-running stability").detail().contains("rounds of allocate"));
    }

    /** 2 ms calls against the host's 1 ms level: {@code slow} of them among {@link MemoryLoad#SAMPLES} 1 µs ones. */
    private static Outcome latencyWith(int slow) {
        long[] nanos = new long[MemoryLoad.SAMPLES];
        Arrays.fill(nanos, 1_000);
        for (int i = 0; i < slow; i++) {
            nanos[i * 997 % nanos.length] = 2_000_000;
        }
        return MemoryLoad.judgeLatency(nanos, new Sla("host", 1, 0, 1, false, 0));
    }

    @Test
    void slowCallsBeyondOneInAThousandFailTheLatencyLevelNamingTheFigure() {
        // 0.15 % slow: the 99th percentile would pass, the 99.9th does not
        Outcome outcome = latencyWith(MemoryLoad.SAMPLES * 15 / 10_000);
        assertEquals(Verdict.FAIL, outcome.verdict());
        assertEquals(2.0, outcome.measurement().value());
        assertEquals("ms", outcome.measurement().unit());
        assertEquals("< 1 ms", outcome.measurement().requirement());
        assertEquals("99.9th percentile of 20000 allocations of 64 B to 4 KiB: 2.0000 ms (slowest 2.000 ms)",
                outcome.detail());
    }

    @Test
    void slowCallsWithinOneInAThousandPassTheLatencyLevel() {
        Outcome outcome = latencyWith(MemoryLoad.SAMPLES / 1000);
        assertEquals(Verdict.PASS, outcome.verdict());
        assertEquals(0.001, outcome.measurement().value());
        assertTrue(outcome.detail().endsWith("0.0010 ms (slowest 2.000 ms)"), outcome.detail());
    }

    @Test
    void aDriverThatForgetsToFreeFailsCleanupAndRecovery() {
        MemoryDriver real = new DreamcastMemoryDriver();
        MemoryDriver leaky = Fakes.bend(MemoryDriver.class, real, "deallocate", args -> HalResult.ok());
        List<CheckResult> results = check(leaky);
        assertEquals(Verdict.FAIL, named(results, "resource cleanup").verdict());
        assertEquals(Verdict.FAIL, named(results, "error handling").verdict());
        assertEquals(Verdict.FAIL, named(results, "exhaustion and recovery").verdict());
    }

    @Test
    void aDriverThatCannotTellAnotherDriversHandleFromAReleasedOneFailsErrorHandling() {
        MemoryDriver real = new DreamcastMemoryDriver();
        MemoryDriver unaware = Fakes.bend(MemoryDriver.class, real, "deallocate",
                args -> real.deallocate((long) args[0]).mapError(error -> HalError.notFound(error.message())));
        CheckResult errors = named(check(unaware), "error handling");
        assertEquals(Verdict.FAIL, errors.verdict());
        assertTrue(errors.detail().startsWith("deallocate(another driver's handle) failed with NOT_FOUND"),
                errors.detail());
    }

    @Test
    void aDriverThatAcceptsEmptyRequestsFailsValidation() {
        MemoryDriver real = new DreamcastMemoryDriver();
        MemoryDriver lenient = Fakes.bend(MemoryDriver.class, real, "allocate", args -> {
            AllocationRequest request = (AllocationRequest) args[0];
            return real.allocate(request != null && request.size() == 0 ? AllocationRequest.of(1) : request);
        });
        CheckResult validation = named(check(lenient), "parameter validation");
        assertEquals(Verdict.FAIL, validation.verdict());
        assertEquals("allocate(0 bytes) succeeded; expected the error INVALID_PARAMETER", validation.detail());
    }

    @Test
    void aDriverThatThrowsFailsTheCheckInsteadOfTheKit() {
        MemoryDriver real = new DreamcastMemoryDriver();
        MemoryDriver throwing = Fakes.bend(MemoryDriver.class, real, "trim", args -> {
            throw new IllegalStateException("trim exploded");
        });
        CheckResult roundTrip = named(check(throwing), "allocation round trip");
        assertEquals(Verdict.FAIL, roundTrip.verdict());
        assertTrue(roundTrip.detail().startsWith("driver dreamcast.memory: trim() threw"
                + " java.lang.IllegalStateException: trim exploded"), roundTrip.detail());
    }

    @Test
    void aLiveSharedDriverKeepsItsLifecycle() {
        DreamcastMemoryDriver live = new DreamcastMemoryDriver();
        live.initialize().orElseThrow();
        List<CheckResult> results = Fakes.run(new MemorySuite(),
                Fakes.open(live, MemoryDriver.class, "dreamcast.memory", false));
        Fakes.assertNoFailure(results);
        assertTrue(named(results, "interface contract").detail().contains("the live instance"));
        assertTrue(live.isActive());
        live.shutdown();
    }
}
