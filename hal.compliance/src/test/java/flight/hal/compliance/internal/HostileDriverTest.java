package flight.hal.compliance.internal;

import static flight.hal.compliance.internal.Fakes.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.compliance.CheckResult;
import flight.hal.compliance.Verdict;
import flight.hal.driver.dreamcast.internal.DreamcastMemoryDriver;
import flight.hal.memory.MemoryDriver;

/**
 * Drivers that return null, throw or hang where the kit calls them: each is judged non-compliant with a message naming
 * the driver, the method and what it did, and the kit returns within its bounds. No timing is asserted beyond "the
 * kit came back at all" (a hang would fail the test by its own timeout).
 */
class HostileDriverTest {
    private static final KitSettings QUICK = Fakes.QUICK;
    /** Released after each test, so the hung fixtures' threads end. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHungDrivers() {
        release.countDown();
    }

    /** A replacement that never returns until the test ends, ignoring interrupts like a driver stuck in native code. */
    private Object hang(Object[] args) {
        while (release.getCount() > 0) {
            try {
                release.await();
            } catch (InterruptedException ignored) {
                // like native code: an interrupt does not end the hang
            }
        }
        return HalResult.err(HalError.internal("released"));
    }

    private static MemoryDriver bent(String method, java.util.function.Function<Object[], Object> replacement) {
        return Fakes.bend(MemoryDriver.class, new DreamcastMemoryDriver(), method, replacement);
    }

    private static String openingFailure(MemoryDriver driver) {
        HalResult<DriverUnderTest> opened = Fakes.opening(driver, MemoryDriver.class, "hostile.memory", true, QUICK);
        assertTrue(opened.isErr(), "opened a driver whose initialize() misbehaves");
        return opened.errorOrNull().message();
    }

    @Test
    void anInitializeThatReturnsNullIsNamed() {
        assertEquals("driver hostile.memory failed to initialize for the checks: driver hostile.memory: initialize()"
                + " returned null", openingFailure(bent("initialize", args -> null)));
    }

    @Test
    void anInitializeThatThrowsIsNamed() {
        String failure = openingFailure(bent("initialize", args -> {
            throw new IllegalStateException("boom");
        }));
        assertTrue(failure.endsWith("driver hostile.memory: initialize() threw java.lang.IllegalStateException: boom"),
                failure);
    }

    @Test
    void anInitializeThatHangsIsAbandonedAfterTheCallTimeout() {
        String failure = openingFailure(bent("initialize", this::hang));
        assertTrue(failure.contains("driver hostile.memory: initialize() did not return within 1000 ms; the kit"
                + " abandoned the call"), failure);
    }

    @Test
    void anAllocateThatHangsFailsItsCheckAndTheRestAreSkipped() {
        KitSettings shortChecks = new KitSettings(1_000, 1_500, Duration.ofMillis(200));
        DriverUnderTest tested = Fakes.opening(bent("allocate", this::hang), MemoryDriver.class, "hostile.memory",
                true, shortChecks).orElseThrow();
        List<CheckResult> results = Fakes.run(new MemorySuite(), tested);
        CheckResult roundTrip = named(results, "allocation round trip");
        assertEquals(Verdict.FAIL, roundTrip.verdict());
        assertTrue(roundTrip.detail().startsWith("driver hostile.memory did not return within 1500 ms"),
                roundTrip.detail());
        CheckResult next = named(results, "parameter validation");
        assertEquals(Verdict.SKIPPED, next.verdict());
        assertTrue(next.detail().startsWith("not run: driver hostile.memory was abandoned after the check"
                + " 'allocation round trip' did not return within 1500 ms"), next.detail());
    }

    @Test
    void anAllocateThatReturnsNullFailsWithThatSaid() {
        CheckResult roundTrip = named(Fakes.check(new MemorySuite(), bent("allocate", args -> null),
                MemoryDriver.class), "allocation round trip");
        assertEquals(Verdict.FAIL, roundTrip.verdict());
        assertTrue(roundTrip.detail().contains("returned null instead of a result"), roundTrip.detail());
    }

    @Test
    void statsThatThrowAreNamedAsTheThrower() {
        CheckResult validation = named(Fakes.check(new MemorySuite(), bent("stats", args -> {
            throw new IllegalStateException("stats exploded");
        }), MemoryDriver.class), "parameter validation");
        assertEquals(Verdict.FAIL, validation.verdict());
        assertTrue(validation.detail().startsWith("driver dreamcast.memory: stats() threw"
                + " java.lang.IllegalStateException: stats exploded"), validation.detail());
    }

    @Test
    void aDriverThatRefusesEverythingPassesNothingThatAllocates() {
        MemoryDriver refusing = bent("allocate", args -> HalResult.err(HalError.outOfMemory("no, never")));
        List<CheckResult> results = Fakes.check(new MemorySuite(), refusing, MemoryDriver.class);
        List<CheckResult> passed = results.stream().filter(check -> check.verdict() == Verdict.PASS).toList();
        assertEquals(List.of("interface contract"), passed.stream().map(CheckResult::name).toList(), passed
                .toString());
        assertTrue(named(results, "memory efficiency").detail().startsWith("obtained 0 of "),
                named(results, "memory efficiency").detail());
        assertTrue(named(results, "concurrent allocate and release").detail().startsWith("all 1000 allocations were"
                + " refused"));
        assertTrue(named(results, "long-running stability").detail().contains("nothing was exercised"));
    }
}
