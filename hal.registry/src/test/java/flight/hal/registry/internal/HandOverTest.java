package flight.hal.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.DriverState;

/** Objects outlive swaps: hand-over, retiring owners, forced retirement, and roles by capability. */
@Timeout(60)
class HandOverTest {
    private final List<String> journal = new CopyOnWriteArrayList<>();
    private final TestContext context = new TestContext(journal);
    private final InterfaceSelection selection = new InterfaceSelection("flight.hal.memory.MemoryDriver", context);
    @SuppressWarnings("unchecked")
    private final DriverHandle<HalDriver> handle = (DriverHandle<HalDriver>) selection.handle();
    private long nextServiceId = 1;

    @AfterEach
    void stopWorkers() {
        context.close();
    }

    private Candidate owner(String name, int ranking) {
        return new Candidate(selection.interfaceName, new FakeReference(nextServiceId++, name, ranking),
                new FakeOwner(name, journal));
    }

    private static FakeOwner driver(Candidate candidate) {
        return (FakeOwner) candidate.driver;
    }

    private DriverDescription described(String name) {
        return selection.status().candidates().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private String ownerOf(long handle) {
        return this.handle.callOwner(handle, d -> HalResult.ok(d.name())).orElse(null);
    }

    @Test
    void aSuccessorThatAdoptsTakesTheObjectsAndTheOldDriverShutsDownAtOnce() {
        Candidate host = owner("host", 10);
        selection.add(host);
        long first = driver(host).make();
        long second = driver(host).make();

        selection.add(owner("test", 100));
        assertEquals("test", ownerOf(first));
        assertEquals("test", ownerOf(second));
        assertTrue(journal.contains("adopt test 2"));
        assertTrue(journal.contains("shutdown host"));
        assertEquals(DriverState.STANDBY, described("host").state());
        assertEquals(new LiveObjects(2, 16), described("test").live());
    }

    @Test
    void aSuccessorThatRefusesLeavesTheOldDriverRetiringUntilItsLastObjectIsReleased() {
        Candidate host = owner("host", 10);
        selection.add(host);
        long object = driver(host).make();
        Candidate small = owner("small", 50);
        driver(small).adopts = false;

        selection.add(small);
        assertEquals("small", selection.status().selected());
        assertEquals(DriverState.RETIRING, described("host").state());
        assertEquals(new LiveObjects(1, 8), described("host").live());
        assertFalse(journal.contains("shutdown host"));
        assertEquals("host", ownerOf(object));

        assertTrue(handle.callOwner(object, d -> ((FakeOwner) d).release(object)).isOk());
        awaitShutdownOf("host");
        assertEquals(DriverState.STANDBY, described("host").state());
        assertEquals("not_found", handle.leaseOwner(object).errorOrNull().code());
    }

    @Test
    void forcedRetirementDropsTheObjectsAndSaysWhat() {
        Candidate host = owner("host", 10);
        selection.add(host);
        driver(host).make();
        driver(host).make();
        Candidate small = owner("small", 50);
        driver(small).adopts = false;
        selection.add(small);

        assertEquals(new LiveObjects(2, 16), selection.retire("host", false).orElseThrow());
        assertEquals(new LiveObjects(2, 16), selection.retire("host", true).orElseThrow());
        assertTrue(journal.contains("shutdown host"));
        assertEquals("not_found", selection.retire("host", true).errorOrNull().code());
        assertEquals("not_found", selection.retire("small", false).errorOrNull().code());
    }

    @Test
    void theDropPolicyShutsALeftDriverDownWithItsObjects() {
        context.configuration.put(RegistrySettings.RETIRING_POLICY, "drop");
        context.configure();
        Candidate host = owner("host", 10);
        selection.add(host);
        long object = driver(host).make();
        selection.add(owner("test", 100));
        assertTrue(journal.contains("shutdown host"));
        assertFalse(journal.stream().anyMatch(line -> line.startsWith("adopt")));
        assertEquals("not_found", handle.leaseOwner(object).errorOrNull().code());
    }

    @Test
    void aDriverThatGoesAwayHandsItsObjectsToAnyCandidateThatTakesThem() {
        Candidate host = owner("host", 10);
        selection.add(host);
        Candidate middle = owner("middle", 50);
        driver(middle).adopts = false;
        selection.add(middle);
        Candidate top = owner("top", 100);
        selection.add(top);
        long object = driver(top).make();

        selection.remove(top); // middle is selected but refuses: host, initialized again, adopts
        assertEquals("middle", selection.status().selected());
        assertEquals("host", ownerOf(object));
        assertEquals(DriverState.RETIRING, described("host").state());
        assertTrue(journal.contains("adopt host 1"));
    }

    @Test
    void aDriverThatGoesAwayWithObjectsNobodyTakesDropsThem() {
        Candidate only = owner("only", 10);
        selection.add(only);
        long object = driver(only).make();
        selection.remove(only);
        assertTrue(journal.contains("shutdown only"));
        assertTrue(driver(only).objects.isEmpty());
        assertEquals("not_found", handle.leaseOwner(object).errorOrNull().code());
        assertEquals("invalid_parameter", handle.leaseOwner(0).errorOrNull().code());
    }

    @Test
    void aRoleSelectsOnlyAmongCandidatesWithItsCapabilities() {
        Candidate host = owner("host", 10);
        driver(host).capabilities = EnumSet.of(HalCapability.BASIC_MEMORY, HalCapability.DMA);
        selection.add(host);
        selection.add(owner("test", 100));
        DriverHandle<?> dma = selection.handle(EnumSet.of(HalCapability.DMA));

        assertEquals("test", selection.status().selected());
        assertEquals("host", dma.current().name());
        assertEquals(List.of(HalCapability.DMA), List.copyOf(dma.requiredCapabilities()));
        String note = selection.status().roles().get(0).note();
        assertTrue(note.contains("passed over 'test' lacks [DMA]"), note);

        selection.pin("test");
        assertEquals("host", dma.current().name());
        assertTrue(selection.status().roles().get(0).note().startsWith("pinned driver 'test' lacks [DMA]"));

        DriverHandle<?> gpu = selection.handle(EnumSet.of(HalCapability.HARDWARE_3D));
        assertNull(gpu.current());
        assertEquals("unavailable", gpu.lease().errorOrNull().code());
    }

    @Test
    void configuredCapabilitiesMakeCandidatesIneligible() {
        Candidate host = owner("host", 10);
        driver(host).capabilities = EnumSet.of(HalCapability.BASIC_MEMORY, HalCapability.DMA);
        selection.add(host);
        selection.add(owner("test", 100));
        context.configuration.put("require.MemoryDriver", "DMA");
        context.configure();
        selection.reconfigure();

        assertEquals("host", selection.status().selected());
        DriverDescription test = described("test");
        assertEquals(DriverState.INELIGIBLE, test.state());
        assertTrue(test.failure().message().contains("lacks [DMA]"), test.failure().message());
        assertSame(host.driver, handle.current());
    }

    @Test
    void handlesNameTheirIssuerAndForeignOnesAreRefused() {
        Candidate host = owner("host", 10);
        selection.add(host);
        long foreign = HandleIssuer.forDriver("elsewhere").issue();
        HalResult<Void> refused = driver(host).release(foreign);
        assertEquals(HandleIssuer.FOREIGN_HANDLE, refused.errorOrNull().code());
        assertTrue(refused.errorOrNull().message().contains("elsewhere"));
        assertEquals("not_found", handle.leaseOwner(foreign).errorOrNull().code());
    }

    private void awaitShutdownOf(String name) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!journal.contains("shutdown " + name) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(journal.contains("shutdown " + name), journal.toString());
    }
}
