package flight.hal.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.NonExclusive;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.DriverState;
import flight.hal.registry.InterfaceStatus;

/** A {@link NonExclusive} interface: its drivers are all usable by name, and only roles select by ranking. */
@Timeout(60)
class NonExclusiveSelectionTest {
    private final List<String> journal = new CopyOnWriteArrayList<>();
    private final TestContext context = new TestContext(journal);
    private final InterfaceSelection selection = new InterfaceSelection(FakeDisk.class.getName(), context);
    private long nextServiceId = 1;

    /** Disks: two of them are two disks, not a disk and its spare. */
    @NonExclusive
    interface FakeDisk extends HalDriver {
    }

    static final class FakeDiskDriver extends FakeDriver implements FakeDisk {
        FakeDiskDriver(String name, List<String> journal, Set<HalCapability> capabilities) {
            super(name, journal);
            this.capabilities = capabilities;
        }
    }

    @AfterEach
    void stopWorkers() {
        context.close();
    }

    private Candidate disk(String name, int ranking, HalCapability... capabilities) {
        Set<HalCapability> has = capabilities.length == 0 ? Set.of() : EnumSet.of(capabilities[0], capabilities);
        Candidate candidate = new Candidate(selection.interfaceName, new FakeReference(nextServiceId++, name, ranking),
                new FakeDiskDriver(name, journal, has));
        selection.add(candidate);
        return candidate;
    }

    private Map<String, DriverState> states() {
        return selection.status().candidates().stream()
                .collect(Collectors.toMap(DriverDescription::name, DriverDescription::state));
    }

    @Test
    void everyDiskIsInitializedAndAvailableAndNoneIsSelectedOrPublished() {
        Candidate fast = disk("fast", 20);
        Candidate slow = disk("slow", 10);
        InterfaceStatus status = selection.status();
        assertNull(status.selected());
        assertEquals(Reselection.NON_EXCLUSIVE_NOTE, status.note());
        assertEquals(Map.of("fast", DriverState.AVAILABLE, "slow", DriverState.AVAILABLE), states());
        assertTrue(fast.driver.isActive() && slow.driver.isActive());
        assertNull(selection.handle().current());
        assertEquals(List.of("init fast", "init slow"), journal);
        assertEquals(List.of(), context.events, "nothing is selected, so no selection is announced");
    }

    @Test
    void aRoleSelectsTheBestRankedDiskWithItsCapabilitiesWhileTheOthersStayAvailable() {
        disk("plain", 30);
        disk("zoned-small", 10, HalCapability.ZONED);
        disk("zoned-big", 20, HalCapability.ZONED, HalCapability.DMA);
        DriverHandle<?> zoned = selection.handle(EnumSet.of(HalCapability.ZONED));
        assertEquals("zoned-big", zoned.current().name());
        InterfaceStatus status = selection.status();
        assertEquals("zoned-big", status.roles().get(0).selected());
        assertTrue(status.roles().get(0).note().contains("'plain' lacks [ZONED]"), status.roles().get(0).note());
        assertEquals(Map.of("plain", DriverState.AVAILABLE, "zoned-small", DriverState.AVAILABLE, "zoned-big",
                DriverState.AVAILABLE), states());
        assertFalse(journal.stream().anyMatch(entry -> entry.startsWith("shutdown")), journal.toString());

        Candidate better = disk("zoned-new", 40, HalCapability.ZONED);
        assertEquals("zoned-new", zoned.current().name());
        assertTrue(better.driver.isActive());
        assertFalse(journal.stream().anyMatch(entry -> entry.startsWith("shutdown")),
                "the role moved, but the disk it left is still in use by name: " + journal);
    }

    @Test
    void aDiskThatGoesIsShutDownAndTheOthersAreUntouched() {
        disk("a", 10);
        Candidate b = disk("b", 20);
        selection.remove(b);
        assertEquals(Map.of("a", DriverState.AVAILABLE), states());
        assertEquals(List.of("init a", "init b", "shutdown b"), journal);
    }

    @Test
    void aDiskThatCannotBeUsedSaysWhyAndTheOthersStayAvailable() {
        disk("good", 10);
        FakeDiskDriver failing = new FakeDiskDriver("broken", journal, Set.of());
        failing.failInit = true;
        selection.add(new Candidate(selection.interfaceName, new FakeReference(nextServiceId++, "broken", 50),
                failing));
        Candidate gone = disk("gone", 5);
        ((FakeDriver) gone.driver).available = false;
        selection.modified(gone);
        Map<String, DriverState> states = states();
        assertEquals(DriverState.AVAILABLE, states.get("good"));
        assertEquals(DriverState.FAILED, states.get("broken"));
        assertEquals(DriverState.UNAVAILABLE, states.get("gone"));
    }

    @Test
    void aRoleLeavesADiskThatIsNoLongerAvailableOnceItsRegistrationChangesAndTakesItBackWhenItIsAgain() {
        disk("local", 10, HalCapability.DMA);
        Candidate remote = disk("node/disk0", 100, HalCapability.DMA);
        DriverHandle<?> role = selection.handle(EnumSet.of(HalCapability.DMA));
        assertEquals("node/disk0", role.current().name());

        ((FakeDriver) remote.driver).available = false; // its node died: the controller publishes its properties
        selection.modified(remote);
        assertEquals("local", role.current().name());
        assertEquals(DriverState.UNAVAILABLE, states().get("node/disk0"));
        assertTrue(journal.contains("shutdown node/disk0"), journal.toString());

        ((FakeDriver) remote.driver).available = true;
        selection.modified(remote);
        assertEquals("node/disk0", role.current().name());
        assertEquals(DriverState.AVAILABLE, states().get("node/disk0"));
    }

    @Test
    void anExclusiveInterfaceStillSelectsOneAndKeepsTheOthersOnStandby() {
        InterfaceSelection memory = new InterfaceSelection("flight.hal.memory.MemoryDriver", context);
        memory.add(new Candidate(memory.interfaceName, new FakeReference(90, "high", 20),
                new FakeDriver("high", journal)));
        memory.add(new Candidate(memory.interfaceName, new FakeReference(91, "low", 10),
                new FakeDriver("low", journal)));
        Map<String, DriverState> states = memory.status().candidates().stream()
                .collect(Collectors.toMap(DriverDescription::name, DriverDescription::state));
        assertEquals(Map.of("high", DriverState.SELECTED, "low", DriverState.STANDBY), states);
        assertEquals("", memory.status().note());
    }

    @Test
    void theReportMarksRoleChoicesAndSaysTheInterfaceIsNonExclusive() {
        disk("plain", 30);
        disk("zns", 10, HalCapability.ZONED);
        selection.handle(EnumSet.of(HalCapability.ZONED));
        String report = RegistryReport.interfaceStatus(selection.status());
        assertTrue(report.contains("note: " + Reselection.NON_EXCLUSIVE_NOTE), report);
        assertTrue(report.matches("(?s).*\\+ zns +10 +AVAILABLE .*"), report);
        assertTrue(report.matches("(?s).*  plain +30 +AVAILABLE .*"), report);
        assertTrue(report.contains("with [ZONED]: * zns"), report);
        assertFalse(report.contains("STANDBY") || report.contains("SELECTED"), report);
    }
}
