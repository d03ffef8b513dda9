package flight.hal.it;

import static flight.hal.HalCapability.VIRTUAL_MEMORY;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalResult;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.DriverLease;
import flight.hal.registry.DriverState;
import flight.hal.registry.InterfaceStatus;
import flight.hal.registry.RoleStatus;

/**
 * Handles that require capabilities select the best driver having them and move only among such drivers; a
 * configured requirement makes the drivers lacking it INELIGIBLE, even when pinned; a requirement nobody meets leaves
 * its handle without a driver. test.memory (rank 100) has BASIC_MEMORY only; host.memory (rank 10) has VIRTUAL_MEMORY
 * too; neither has DMA.
 */
@RunWith(PaxExam.class)
public class RequiredCapabilitiesIT extends HalItSupport {
    private static final Set<HalCapability> NEEDS_VIRTUAL_MEMORY = Set.of(VIRTUAL_MEMORY);
    private static final Set<HalCapability> NEEDS_DMA = Set.of(HalCapability.DMA);
    private static final String REQUIRE_VIRTUAL_MEMORY = DriverConfigurations.REQUIRE + "MemoryDriver";

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Inject
    CommandProcessor shell;

    private DriverConfigurations configurations;
    private Bundle testDrivers;

    @Configuration
    public Option[] configuration() {
        return options(halFramework());
    }

    @Before
    public void testMemorySelected() throws Exception {
        configurations = new DriverConfigurations(configurationAdmin);
        testDrivers = installTestDrivers();
        awaitSelected(TEST);
    }

    @After
    public void deleteConfigurations() throws Exception {
        configurations.deleteAll();
    }

    @Test
    public void handleRequiringVirtualMemorySelectsHostMemoryWhileThePlainHandleSelectsTestMemory() throws Exception {
        DriverHandle<MemoryDriver> plain = registry.handle(MemoryDriver.class);
        DriverHandle<MemoryDriver> virtual = registry.handle(MemoryDriver.class, EnumSet.of(VIRTUAL_MEMORY));
        assertEquals(NEEDS_VIRTUAL_MEMORY, virtual.requiredCapabilities());
        assertEquals(Set.of(), plain.requiredCapabilities());

        awaitSelectedBy(virtual, HOST);
        assertEquals(TEST, nameOf(plain.current()));
        assertEquals(HOST, virtual.call(driver -> LeasedMemoryCaller.allocateWriteVerifyRelease(driver, 1L))
                .orElseThrow());
        assertEquals(TEST, plain.call(driver -> LeasedMemoryCaller.allocateWriteVerifyRelease(driver, 2L))
                .orElseThrow());

        RoleStatus role = awaitRole(NEEDS_VIRTUAL_MEMORY, status -> HOST.equals(status.selected()));
        assertTrue(role.note(), role.note().contains(TEST));
        assertTrue(role.note(), role.note().contains("VIRTUAL_MEMORY"));
        InterfaceStatus status = registry.status(MEMORY).orElseThrow();
        assertEquals("the interface's own selection", TEST, status.selected());
        assertEquals("nothing is required of every memory driver", Set.of(), status.required());
    }

    @Test
    public void handleRequiringVirtualMemoryStaysOnHostMemoryWhileTestDriversComeAndGo() throws Exception {
        DriverHandle<MemoryDriver> virtual = registry.handle(MemoryDriver.class, EnumSet.of(VIRTUAL_MEMORY));
        awaitSelectedBy(virtual, HOST);
        MemoryDriver host = virtual.current();
        MemoryAllocation kept = allocateAndFill(virtual, 4096, (byte) 0x5A);

        testDrivers.stop();
        awaitSelected(HOST);
        assertStillServing(host, virtual, "after test.memory left");
        testDrivers.start();
        awaitSelected(TEST);
        assertStillServing(host, virtual, "after test.memory came back");
        org.osgi.service.cm.Configuration basic =
                configurations.driver(DriverConfigurations.TEST_MEMORY, "basic.memory", 500, Map.of());
        awaitSelected("basic.memory");
        assertStillServing(host, virtual, "while basic.memory is selected");
        configurations.delete(basic);
        awaitSelected(TEST);
        assertStillServing(host, virtual, "after basic.memory left");
        assertEquals(HOST, awaitRole(NEEDS_VIRTUAL_MEMORY, status -> status.selected() != null).selected());

        // host.memory never left the role, so nothing it holds was handed to a driver lacking VIRTUAL_MEMORY
        try (DriverLease<MemoryDriver> owner = virtual.leaseOwner(kept.handle()).orElseThrow()) {
            assertEquals("owner of the allocation made through the role", HOST, owner.driver().name());
        }
        assertFilled(kept, (byte) 0x5A);
        assertTrue(virtual.callOwner(kept.handle(), driver -> driver.deallocate(kept.handle())).isOk());
    }

    @Test
    public void configuredRequirementMakesTestMemoryIneligibleAndThePlainHandleSelectsHostMemory() throws Exception {
        configurations.registry(Map.of(REQUIRE_VIRTUAL_MEMORY, "VIRTUAL_MEMORY"));
        awaitSelected(HOST);
        DriverDescription test = awaitMemoryCandidate(TEST, DriverState.INELIGIBLE);
        assertNotNull("an INELIGIBLE candidate says why", test.failure());
        assertTrue(test.failure().message(), test.failure().message().contains("VIRTUAL_MEMORY"));
        assertEquals(NEEDS_VIRTUAL_MEMORY, registry.status(MEMORY).orElseThrow().required());

        DriverHandle<MemoryDriver> plain = registry.handle(MemoryDriver.class);
        assertEquals(HOST, nameOf(plain.current()));
        assertTrue(plain.requiredCapabilities().toString(),
                plain.requiredCapabilities().contains(VIRTUAL_MEMORY));
        assertEquals(HOST, plain.call(driver -> LeasedMemoryCaller.allocateWriteVerifyRelease(driver, 3L))
                .orElseThrow());

        awaitService("(osgi.command.scope=hal)");
        String table = runCommand(shell, "hal:drivers");
        assertTrue(table, Pattern.compile("(?m)^.*\\Q" + TEST + "\\E\\s.*\\bINELIGIBLE\\b.*$").matcher(table).find());
        assertTrue(table, table.contains("VIRTUAL_MEMORY"));

        configurations.deleteRegistry();
        awaitSelected(TEST);
        assertEquals(Set.of(), registry.status(MEMORY).orElseThrow().required());
    }

    @Test
    public void pinToADriverLackingARequiredCapabilityFallsBackAndTheNoteSaysSo() throws Exception {
        configurations.registry(Map.of(REQUIRE_VIRTUAL_MEMORY, "VIRTUAL_MEMORY"));
        awaitSelected(HOST);
        awaitMemoryCandidate(TEST, DriverState.INELIGIBLE);

        assertTrue(registry.pin("MemoryDriver", TEST).isOk());
        awaitUntil(() -> registry.status(MEMORY).map(status -> TEST.equals(status.pin())
                        && status.note().contains(TEST)).orElse(false),
                () -> "the pin to test.memory is not noted: " + registry.status(MEMORY));
        InterfaceStatus status = registry.status(MEMORY).orElseThrow();
        assertEquals("selected by ranking among the drivers having VIRTUAL_MEMORY", HOST, status.selected());
        assertTrue(status.note(), status.note().contains("VIRTUAL_MEMORY"));
        assertEquals(HOST, nameOf(registry.handle(MemoryDriver.class).current()));
    }

    @Test
    public void handleRequiringWhatNoDriverHasSelectsNothingAndItsLeaseIsUnavailable() throws Exception {
        DriverHandle<MemoryDriver> dma = registry.handle(MemoryDriver.class, EnumSet.of(HalCapability.DMA));
        RoleStatus role = awaitRole(NEEDS_DMA, status -> status.note().contains(HOST) && status.note().contains(TEST));
        assertNull(role.selected());
        assertTrue(role.note(), role.note().contains("DMA"));

        assertNull(dma.current());
        HalResult<DriverLease<MemoryDriver>> lease = dma.lease();
        assertTrue(lease.toString(), lease.isErr());
        assertEquals(lease.toString(), ErrorCategory.UNAVAILABLE, lease.errorOrNull().category());
        HalResult<String> call = dma.call(driver -> LeasedMemoryCaller.allocateWriteVerifyRelease(driver, 4L));
        assertEquals(call.toString(), ErrorCategory.UNAVAILABLE, call.failure().map(error -> error.category())
                .orElse(null));
        assertEquals("the plain handle is not affected", TEST, selectedMemoryDriver());
    }

    /** {@code handle} still reaches the very same {@code driver}, and it is still initialized. */
    private static void assertStillServing(MemoryDriver driver, DriverHandle<MemoryDriver> handle, String when) {
        assertSame("the role's driver " + when, driver, handle.current());
        assertTrue("the role's driver is initialized " + when, driver.isActive());
    }

    /** Waits until {@code handle} selects {@code driver}. */
    private static void awaitSelectedBy(DriverHandle<MemoryDriver> handle, String driver) {
        awaitUntil(() -> driver.equals(nameOf(handle.current())),
                () -> "the handle requiring " + handle.requiredCapabilities() + " selects "
                        + nameOf(handle.current()) + ", not " + driver);
    }

    /** Waits until the memory interface lists the role requiring exactly {@code required} and it matches. */
    private RoleStatus awaitRole(Set<HalCapability> required, Predicate<RoleStatus> wanted) {
        awaitUntil(() -> role(required).filter(wanted).isPresent(),
                () -> "no role requiring " + required + " as expected: " + registry.status(MEMORY));
        return role(required).orElseThrow();
    }

    private Optional<RoleStatus> role(Set<HalCapability> required) {
        return registry.status(MEMORY).stream().flatMap(status -> status.roles().stream())
                .filter(role -> role.required().equals(required)).findFirst();
    }

    private static MemoryAllocation allocateAndFill(DriverHandle<MemoryDriver> memory, int size, byte value) {
        MemoryAllocation allocation = memory.call(driver -> driver.allocate(AllocationRequest.of(size))).orElseThrow();
        for (int i = 0; i < size; i++) {
            allocation.buffer().put(i, value);
        }
        return allocation;
    }

    private static void assertFilled(MemoryAllocation allocation, byte value) {
        for (int i = 0; i < allocation.size(); i++) {
            assertEquals("byte " + i + " of allocation " + allocation.handle(), value, allocation.buffer().get(i));
        }
    }

    private static String nameOf(MemoryDriver driver) {
        return driver == null ? null : driver.name();
    }
}
