package flight.hal.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import flight.hal.HalDriver;
import flight.hal.registry.DriverLease;
import flight.hal.registry.DriverState;
import flight.hal.registry.InterfaceStatus;
import flight.hal.registry.SelectionEvent;

@Timeout(60)
class InterfaceSelectionTest {
    private final List<String> journal = new CopyOnWriteArrayList<>();
    private final TestContext context = new TestContext(journal);
    private final List<SelectionEvent> events = context.events;
    private final InterfaceSelection selection = new InterfaceSelection("flight.hal.memory.MemoryDriver", context);
    private long nextServiceId = 1;

    @AfterEach
    void stopWorkers() {
        context.close();
    }

    private Candidate candidate(String name, int ranking) {
        return new Candidate(selection.interfaceName, new FakeReference(nextServiceId++, name, ranking),
                new FakeDriver(name, journal));
    }

    private String selected() {
        return selection.status().selected();
    }

    @Test
    void highestRankingWinsAndTiesGoToTheEarlierService() {
        selection.add(candidate("low", 1));
        selection.add(candidate("first", 20));
        selection.add(candidate("second", 20));
        assertEquals("first", selected());
        assertEquals(List.of("first", "second", "low"),
                selection.status().candidates().stream().map(driver -> driver.name()).toList());
        assertEquals(List.of("init low", "publish low", "init first", "publish first", "shutdown low"), journal);
        assertEquals(List.of(new SelectionEvent(selection.interfaceName, null, "low"),
                new SelectionEvent(selection.interfaceName, "low", "first")), events);
    }

    @Test
    void failedInitializeIsSkippedRememberedAndRetriedAfterModification() {
        selection.add(candidate("host", 10));
        Candidate broken = candidate("broken", 50);
        ((FakeDriver) broken.driver).failInit = true;
        selection.add(broken);
        assertEquals("host", selected());
        InterfaceStatus status = selection.status();
        assertEquals(DriverState.FAILED, status.candidates().get(0).state());
        assertEquals("broken cannot start", status.candidates().get(0).failureReason().orElseThrow().message());

        selection.add(candidate("other", 5)); // a later change does not retry it
        assertEquals(1, journal.stream().filter("init broken"::equals).count());

        ((FakeDriver) broken.driver).failInit = false;
        selection.modified(broken);
        assertEquals("broken", selected());
        assertTrue(journal.contains("shutdown host"));
    }

    @Test
    void unavailableCandidatesAreSkipped() {
        selection.add(candidate("host", 10));
        Candidate absent = candidate("absent", 50);
        ((FakeDriver) absent.driver).available = false;
        selection.add(absent);
        assertEquals("host", selected());
        assertEquals(DriverState.UNAVAILABLE, selection.status().candidates().get(0).state());
        assertFalse(journal.contains("init absent"));
    }

    @Test
    void removingTheSelectedDriverFallsBackAndShutsItDown() {
        selection.add(candidate("host", 10));
        Candidate top = candidate("top", 50);
        selection.add(top);
        selection.remove(top);
        assertEquals("host", selected());
        assertEquals(List.of("init host", "publish host", "init top", "publish top", "shutdown host", "init host",
                "publish host", "shutdown top"), journal);
    }

    @Test
    void rankingChangeReorders() {
        Candidate a = candidate("a", 10);
        selection.add(a);
        selection.add(candidate("b", 20));
        ((FakeReference) a.reference).rank(30);
        selection.modified(a);
        assertEquals("a", selected());
    }

    @Test
    void pinOverridesRankingAndFallsBackWithANote() {
        selection.add(candidate("host", 10));
        selection.add(candidate("top", 50));
        selection.pin("host");
        assertEquals("host", selected());
        assertEquals("", selection.status().note());

        selection.pin("ghost");
        assertEquals("top", selected());
        assertEquals("pinned driver 'ghost' is not registered; selected by ranking", selection.status().note());

        selection.pin(null);
        assertEquals("top", selected());
        assertNull(selection.status().pin());
    }

    @Test
    void noCandidateLeftMeansNoDriver() {
        Candidate only = candidate("only", 1);
        selection.add(only);
        selection.remove(only);
        assertNull(selected());
        assertNull(selection.handle().current());
        assertTrue(selection.handle().lease().isErr());
        assertEquals(new SelectionEvent(selection.interfaceName, "only", null), events.get(events.size() - 1));
    }

    @Test
    void aSwapWaitsForOpenLeasesBeforeShuttingTheOldDriverDown() throws Exception {
        Candidate old = candidate("old", 10);
        selection.add(old);
        DriverLease<HalDriver> lease = ((RoleHandle<HalDriver>) selection.handle()).lease().orElseThrow();
        CompletableFuture<Void> swap = CompletableFuture.runAsync(() -> selection.add(candidate("new", 20)));

        // the new driver is reachable at once, while the old one keeps its lease
        while (!"new".equals(selection.handle().current() == null ? null : selection.handle().current().name())) {
            Thread.onSpinWait();
        }
        assertFalse(swap.isDone());
        assertFalse(journal.contains("shutdown old"));
        assertTrue(lease.driver().isActive());

        lease.close();
        swap.get(10, TimeUnit.SECONDS);
        assertTrue(journal.contains("shutdown old"));
        assertSame(old.driver, lease.driver());
    }

    @Test
    void aLeaseThatOutlivesTheDrainTimeoutDoesNotBlockTheSwapForever() {
        context.configuration.put(RegistrySettings.DRAIN_TIMEOUT, 20);
        context.configure();
        selection.add(candidate("old", 10));
        DriverLease<?> forgotten = selection.handle().lease().orElseThrow();
        selection.add(candidate("new", 20));
        assertTrue(journal.contains("shutdown old"));
        forgotten.close();
    }
}
