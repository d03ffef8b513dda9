package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

import flight.hal.ErrorCategory;
import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.graphics.GraphicsStats;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryStats;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.DriverLease;
import flight.hal.registry.DriverState;
import flight.hal.thread.ThreadDriver;

/**
 * Handles name their issuer: every shipped driver refuses objects it does not own and changes nothing; a successor
 * that adopts takes objects over with their handles and contents; one that refuses leaves the old driver RETIRING
 * until the last object is released or it is retired by force; and the configuration can restore the old behaviour
 * of dropping everything at once.
 */
@RunWith(PaxExam.class)
public class HandleIdentityIT extends LiveObjectItSupport {
    private static final long SEED = 8;
    private static final List<String> MEMORY_DRIVERS = List.of(HOST, TEST, DREAMCAST_MEMORY, PSP_MEMORY, WEB_MEMORY);
    private static final List<String> GRAPHICS_DRIVERS =
            List.of(HOST_GRAPHICS, DREAMCAST_GRAPHICS, PSP_GRAPHICS, WEB_GRAPHICS);
    /** Every shipped graphics driver holds 16x16 RGB565 targets, so only the handle can make one refuse. */
    private static final int SMALL = 16;
    /** 64x64 RGBA8888: a target the Dreamcast (16-bit formats only) cannot adopt. */
    private static final int LARGE = 64;
    private static final LiveObjects ONE_LARGE_TARGET = new LiveObjects(1, (long) LARGE * LARGE * 4);
    private static final String REGISTRY_PID = "flight.hal.registry";
    private static final String THREADS = ThreadDriver.class.getName();
    private static final String HOST_THREAD = "host.thread";

    @Inject
    CommandProcessor shell;

    @Inject
    ConfigurationAdmin configurationAdmin;

    /** Driver services this test got through its own context, to be released after it. */
    private final List<ServiceReference<?>> gotten = new ArrayList<>();
    /** Driver instances this test initialized itself (not the registry's selected ones), to be shut down after it. */
    private final List<HalDriver> initialized = new ArrayList<>();

    @Configuration
    public Option[] configuration() {
        return options(halFramework());
    }

    @After
    public void releaseDrivers() {
        initialized.forEach(HalDriver::shutdown);
        gotten.forEach(context::ungetService);
    }

    @Test
    public void everyShippedDriverRefusesHandlesItDidNotIssueAndChangesNothing() throws Exception {
        installTestDrivers();
        installAndStart(DREAMCAST_DRIVERS);
        installAndStart(PSP_DRIVERS);
        installAndStart(WEB_DRIVERS);
        awaitSelected(TEST);
        String selectedGraphics = awaitSelectedAmong(GRAPHICS, Set.of(DREAMCAST_GRAPHICS, PSP_GRAPHICS, WEB_GRAPHICS));

        MemoryDriver registryMemory = registry.handle(MemoryDriver.class).current();
        Map<String, MemoryDriver> memoryDrivers = new LinkedHashMap<>();
        for (String name : MEMORY_DRIVERS) {
            memoryDrivers.put(name, initializedDriver(MemoryDriver.class, name, registryMemory));
        }
        DriverHandle<GraphicsDriver> graphics = registry.handle(GraphicsDriver.class);
        Map<String, GraphicsDriver> graphicsDrivers = new LinkedHashMap<>();
        for (String name : GRAPHICS_DRIVERS) {
            graphicsDrivers.put(name, initializedDriver(GraphicsDriver.class, name, graphics.current()));
        }

        memoryDrivers.forEach((issuerName, issuer) -> {
            MemoryAllocation allocation = valueOf(issuerName + " allocates", allocateFilled(issuer, 256, SEED));
            memoryDrivers.forEach((name, other) -> {
                if (other != issuer) {
                    assertRefusesForeignAllocation(other, allocation, issuerName);
                }
            });
            assertIntact(issuer, allocation);
            valueOf(issuerName + " releases its allocation", issuer.deallocate(allocation.handle()));
        });
        graphicsDrivers.forEach((issuerName, issuer) -> {
            RenderTarget target = valueOf(issuerName + " creates a target",
                    createPaintedTarget(issuer, SMALL, SMALL, PixelFormat.RGB565, SEED));
            graphicsDrivers.forEach((name, other) -> {
                if (other != issuer) {
                    assertRefusesForeignTarget(other, target, issuerName);
                }
            });
            assertIntact(issuer, target);
            valueOf(issuerName + " releases its target", issuer.releaseRenderTarget(target));
        });

        // the same driver, another instance (another issuer): the registry's instance refuses what ours made
        GraphicsDriver ours = graphicsDrivers.get(selectedGraphics);
        GraphicsDriver theRegistrys = graphics.current();
        assertNotSame("the registry has its own instance of " + selectedGraphics, ours, theRegistrys);
        RenderTarget oursOnly = valueOf("our " + selectedGraphics + " creates a target",
                createPaintedTarget(ours, SMALL, SMALL, PixelFormat.RGB565, SEED));
        assertRefusesForeignTarget(theRegistrys, oursOnly, selectedGraphics);
        assertError("callOwner of a target no driver of the registry owns", ErrorCategory.NOT_FOUND,
                graphics.callOwner(oursOnly.handle(), owner -> owner.readPixels(oursOnly, 0, 0, SMALL, SMALL)));
        assertIntact(ours, oursOnly);
        valueOf("our " + selectedGraphics + " releases its target", ours.releaseRenderTarget(oursOnly));
        assertError("leaseOwner of the null handle", ErrorCategory.INVALID_PARAMETER, graphics.leaseOwner(0));
        assertError("leaseOwner of the null handle", ErrorCategory.INVALID_PARAMETER,
                registry.handle(MemoryDriver.class).leaseOwner(0));
    }

    @Test
    public void anAdoptingSuccessorTakesObjectsOverWithTheirHandlesAndContents() throws Exception {
        awaitSelected(HOST);
        DriverHandle<MemoryDriver> memory = registry.handle(MemoryDriver.class);
        List<MemoryAllocation> allocations = new ArrayList<>();
        long bytes = 0;
        for (int i = 1; i <= 10; i++) {
            long size = 100L * i + i;
            allocations.add(valueOf("host.memory allocates",
                    memory.call(driver -> allocateFilled(driver, size, SEED))));
            bytes += size;
        }

        installTestDrivers();
        awaitSelected(TEST);
        for (MemoryAllocation allocation : allocations) {
            long handle = allocation.handle();
            try (DriverLease<MemoryDriver> owner = valueOf("leaseOwner " + handle, memory.leaseOwner(handle))) {
                assertEquals("owner of " + handle, TEST, owner.driver().name());
                MemoryAllocation adopted = valueOf("allocationInfo " + handle, owner.driver().allocationInfo(handle));
                assertEquals(handle, adopted.handle());
                assertEquals(allocation.size(), adopted.size());
                assertEquals("first wrong byte the client sees", -1,
                        firstMismatch(allocation.buffer(), stamp(SEED, handle, 0)));
                // what the client writes through the buffer it got from host.memory, test.memory reads: same memory
                fill(allocation.buffer(), stamp(SEED, handle, 1));
                assertEquals("first wrong byte test.memory sees", -1,
                        firstMismatch(adopted.buffer(), stamp(SEED, handle, 1)));
            }
        }
        DriverDescription host = awaitCandidateState(MEMORY, HOST, DriverState.STANDBY);
        assertEquals("what host.memory holds after handing over", LiveObjects.NONE, host.live());
        LiveObjects adopted = candidate(MEMORY, TEST).orElseThrow().live();
        assertEquals("objects test.memory holds", allocations.size(), adopted.count());
        assertTrue("bytes test.memory holds: " + adopted, adopted.bytes() >= bytes);

        for (MemoryAllocation allocation : allocations) {
            long handle = allocation.handle();
            valueOf("release " + handle, memory.callOwner(handle, owner -> owner.deallocate(handle)));
            assertError("allocationInfo of released " + handle, ErrorCategory.NOT_FOUND,
                    memory.callOwner(handle, owner -> owner.allocationInfo(handle)));
        }
        assertEquals(0, valueOf("test.memory stats", memory.call(MemoryDriver::stats)).activeAllocations());
        assertNothingHeld(MEMORY);
    }

    @Test
    public void aRefusingSuccessorLeavesTheOldDriverRetiringUntilItsLastObjectIsReleased() throws Exception {
        DriverHandle<GraphicsDriver> graphics = registry.handle(GraphicsDriver.class);
        RenderTarget target = targetLeftWithRetiringHostGraphics();

        assertRefusesForeignTarget(graphics.current(), target, HOST_GRAPHICS);
        AtomicReference<String> owner = new AtomicReference<>();
        int[] pixels = valueOf("readPixels through the owner", graphics.callOwner(target.handle(), driver -> {
            owner.set(driver.name());
            return driver.readPixels(target, 0, 0, LARGE, LARGE);
        }));
        assertEquals("owner of the target", HOST_GRAPHICS, owner.get());
        assertTrue("the retiring driver still shows what was painted",
                showsPainting(pixels, target, stamp(SEED, target.handle(), 0)));
        // a retiring driver serves its own objects only: new ones come from the selected driver
        RenderTarget fresh = valueOf("a new target", graphics.call(driver ->
                createPaintedTarget(driver, SMALL, SMALL, PixelFormat.RGB565, SEED)));
        assertEquals("issuer of a new target", DREAMCAST_GRAPHICS, issuerDriverName(fresh.handle()));
        valueOf("release the new target",
                graphics.callOwner(fresh.handle(), driver -> driver.releaseRenderTarget(fresh)));

        valueOf("release the last object of host.graphics",
                graphics.callOwner(target.handle(), driver -> driver.releaseRenderTarget(target)));
        DriverDescription left = awaitCandidateState(GRAPHICS, HOST_GRAPHICS, DriverState.STANDBY);
        assertEquals("what host.graphics holds when it stopped retiring", LiveObjects.NONE, left.live());
        assertError("callOwner once the issuer is shut down", ErrorCategory.NOT_FOUND,
                graphics.callOwner(target.handle(), driver -> driver.readPixels(target, 0, 0, LARGE, LARGE)));
        assertEquals(DREAMCAST_GRAPHICS, selectedDriver(GRAPHICS));
    }

    @Test
    public void forcedRetirementDropsWhatTheRetiringDriverHolds() throws Exception {
        DriverHandle<GraphicsDriver> graphics = registry.handle(GraphicsDriver.class);
        RenderTarget target = targetLeftWithRetiringHostGraphics();

        assertEquals("what retire without force reports", ONE_LARGE_TARGET,
                valueOf("retire without force", registry.retire(HOST_GRAPHICS, false)));
        assertEquals("retire without force changes nothing", DriverState.RETIRING, stateOf(GRAPHICS, HOST_GRAPHICS));
        valueOf("readPixels after retire without force",
                graphics.callOwner(target.handle(), driver -> driver.readPixels(target, 0, 0, LARGE, LARGE)));

        assertEquals("what forced retirement dropped", ONE_LARGE_TARGET,
                valueOf("retire by force", registry.retire(HOST_GRAPHICS, true)));
        assertNoLongerHolding(target);
        assertError("retire a driver that is not retiring", ErrorCategory.NOT_FOUND,
                registry.retire(HOST_GRAPHICS, true));
        assertError("retire a blank name", ErrorCategory.INVALID_PARAMETER, registry.retire(" ", true));
        assertEquals(DREAMCAST_GRAPHICS, selectedDriver(GRAPHICS));
    }

    @Test
    public void forcedRetirementThroughTheShell() throws Exception {
        awaitService("(&(osgi.command.scope=hal)(osgi.command.function=retire))");
        RenderTarget target = targetLeftWithRetiringHostGraphics();
        String held = ONE_LARGE_TARGET.toString();

        String drivers = runCommand(shell, "hal:drivers");
        assertTrue(drivers, drivers.matches("(?s).*host\\.graphics +10 +RETIRING.*"));
        assertTrue(drivers, drivers.contains(held));
        String reported = runCommand(shell, "hal:retire host.graphics");
        assertTrue(reported, reported.contains(held));
        assertEquals("hal:retire without --force changes nothing", DriverState.RETIRING,
                stateOf(GRAPHICS, HOST_GRAPHICS));

        String dropped = runCommand(shell, "hal:retire host.graphics --force");
        assertTrue(dropped, dropped.contains(held));
        assertNoLongerHolding(target);
        String after = runCommand(shell, "hal:drivers");
        assertFalse(after, after.contains("RETIRING"));
    }

    @Test
    public void dropPolicyShutsALeftDriverDownAndDropsItsObjects() throws Exception {
        Dictionary<String, Object> configuration = new Hashtable<>();
        configuration.put("retiring.policy", "drop");
        // a pin nothing here depends on, to see when the registry has applied this configuration
        configuration.put("pin.ThreadDriver", HOST_THREAD);
        configurationAdmin.getConfiguration(REGISTRY_PID, "?").update(configuration);
        awaitStatus(THREADS, "pinned to " + HOST_THREAD, status -> HOST_THREAD.equals(status.pin()));

        DriverHandle<GraphicsDriver> graphics = registry.handle(GraphicsDriver.class);
        awaitSelected(GRAPHICS, HOST_GRAPHICS);
        RenderTarget target = valueOf("a target host.graphics cannot hand to the Dreamcast", graphics.call(driver ->
                createPaintedTarget(driver, LARGE, LARGE, PixelFormat.RGBA8888, SEED)));
        installAndStart(DREAMCAST_DRIVERS);
        awaitSelected(GRAPHICS, DREAMCAST_GRAPHICS);

        List<String> retiringSeen = new ArrayList<>();
        awaitCondition(() -> "the target of host.graphics was dropped: " + registry.status(GRAPHICS), () -> {
            if (stateOf(GRAPHICS, HOST_GRAPHICS) == DriverState.RETIRING) {
                retiringSeen.add(String.valueOf(registry.status(GRAPHICS)));
            }
            HalError error = graphics.callOwner(target.handle(),
                    driver -> driver.readPixels(target, 0, 0, LARGE, LARGE)).errorOrNull();
            return error != null && error.category() == ErrorCategory.NOT_FOUND;
        });
        assertEquals("states seen with retiring.policy=drop", List.of(), retiringSeen);
        awaitNoneRetiring(GRAPHICS);
        assertEquals("what host.graphics holds", LiveObjects.NONE,
                candidate(GRAPHICS, HOST_GRAPHICS).orElseThrow().live());
    }

    /**
     * host.graphics paints a 64x64 RGBA8888 target, then the Dreamcast profile arrives: dreamcast.graphics is
     * selected but cannot adopt the target, so host.graphics keeps it as a RETIRING driver.
     */
    private RenderTarget targetLeftWithRetiringHostGraphics() throws Exception {
        awaitSelected(GRAPHICS, HOST_GRAPHICS);
        RenderTarget target = valueOf("a 64x64 RGBA8888 target", registry.handle(GraphicsDriver.class).call(driver ->
                createPaintedTarget(driver, LARGE, LARGE, PixelFormat.RGBA8888, SEED)));
        assertEquals("issuer of the target", HOST_GRAPHICS, issuerDriverName(target.handle()));
        installAndStart(DREAMCAST_DRIVERS);
        awaitSelected(GRAPHICS, DREAMCAST_GRAPHICS);
        DriverDescription retiring = awaitCandidateState(GRAPHICS, HOST_GRAPHICS, DriverState.RETIRING);
        assertEquals("objects host.graphics still holds", 1, retiring.live().count());
        return target;
    }

    /** host.graphics was retired by force: it holds nothing, is not RETIRING, and nobody owns the target. */
    private void assertNoLongerHolding(RenderTarget target) {
        DriverDescription retired = candidate(GRAPHICS, HOST_GRAPHICS).orElseThrow();
        assertNotEquals("state of host.graphics after forced retirement", DriverState.RETIRING, retired.state());
        assertEquals("what host.graphics holds after forced retirement", LiveObjects.NONE, retired.live());
        assertError("callOwner of a dropped target", ErrorCategory.NOT_FOUND, registry.handle(GraphicsDriver.class)
                .callOwner(target.handle(), driver -> driver.readPixels(target, 0, 0, LARGE, LARGE)));
    }

    private DriverState stateOf(String interfaceName, String driverName) {
        return candidate(interfaceName, driverName).map(DriverDescription::state).orElse(null);
    }

    private static void assertRefusesForeignAllocation(MemoryDriver refuser, MemoryAllocation foreign, String issuer) {
        long handle = foreign.handle();
        String by = refuser.name() + " given a handle of " + issuer + ": ";
        List<Long> before = counts(valueOf(by + "stats", refuser.stats()));
        assertForeign(by + "deallocate", refuser.deallocate(handle), issuer, refuser.name());
        assertForeign(by + "allocationInfo", refuser.allocationInfo(handle), issuer, refuser.name());
        assertForeign(by + "reallocate", refuser.reallocate(handle, 128), issuer, refuser.name());
        assertFalse(by + "isValid", refuser.isValid(handle));
        assertEquals(by + "used bytes, active, made and released allocations", before,
                counts(valueOf(by + "stats", refuser.stats())));
    }

    private static void assertRefusesForeignTarget(GraphicsDriver refuser, RenderTarget foreign, String issuer) {
        String by = refuser.name() + " given a target of " + issuer + ": ";
        List<Long> before = counts(valueOf(by + "stats", refuser.stats()));
        assertForeign(by + "releaseRenderTarget", refuser.releaseRenderTarget(foreign), issuer, refuser.name());
        assertForeign(by + "readPixels", refuser.readPixels(foreign, 0, 0, foreign.width(), foreign.height()),
                issuer, refuser.name());
        assertForeign(by + "clear", refuser.clear(foreign, 0xFFFFFFFF), issuer, refuser.name());
        assertFalse(by + "isValidRenderTarget", refuser.isValidRenderTarget(foreign));
        assertEquals(by + "used bytes, buffers and render targets", before,
                counts(valueOf(by + "stats", refuser.stats())));
    }

    /** The allocation is still its issuer's, with the contents it was given. */
    private static void assertIntact(MemoryDriver issuer, MemoryAllocation allocation) {
        long handle = allocation.handle();
        assertTrue(issuer.name() + " still has " + handle, issuer.isValid(handle));
        MemoryAllocation info = valueOf(issuer.name() + " allocationInfo", issuer.allocationInfo(handle));
        assertEquals(issuer.name() + ": first wrong byte", -1, firstMismatch(info.buffer(), stamp(SEED, handle, 0)));
    }

    /** The target is still its issuer's, with the pixels it was painted (no refusing driver cleared it). */
    private static void assertIntact(GraphicsDriver issuer, RenderTarget target) {
        assertTrue(issuer.name() + " still has " + target.handle(), issuer.isValidRenderTarget(target));
        int[] pixels = valueOf(issuer.name() + " readPixels",
                issuer.readPixels(target, 0, 0, target.width(), target.height()));
        assertTrue(issuer.name() + " shows what was painted", showsPainting(pixels, target,
                stamp(SEED, target.handle(), 0)));
    }

    private static List<Long> counts(MemoryStats stats) {
        return List.of(stats.usedBytes(), stats.activeAllocations(), stats.totalAllocations(),
                stats.totalDeallocations());
    }

    private static List<Long> counts(GraphicsStats stats) {
        return List.of(stats.usedBytes(), (long) stats.buffers(), (long) stats.renderTargets());
    }

    private static void assertForeign(String call, HalResult<?> result, String issuer, String refuser) {
        HalError error = assertError(call, ErrorCategory.INVALID_PARAMETER, result);
        assertEquals(call + ": " + error, HandleIssuer.FOREIGN_HANDLE, error.code());
        assertTrue(call + " names both drivers: " + error, error.message().contains(issuer)
                && error.message().contains(refuser));
    }

    private static HalError assertError(String call, ErrorCategory category, HalResult<?> result) {
        HalError error = result.errorOrNull();
        assertNotNull(call + " was refused", error);
        assertEquals(call + ": " + error, category, error.category());
        return error;
    }

    /**
     * The driver named {@code name} as this test's bundle gets it (for a prototype-scoped driver: an instance of its
     * own), initialized. Unless it is the registry's selected instance, it is first awaited shut down by the registry
     * (a singleton the registry left), so that nothing but this test uses it, and shut down again after the test.
     */
    private <T extends HalDriver> T initializedDriver(Class<T> type, String name, T registrysSelected)
            throws Exception {
        String filter = "(&(objectClass=" + type.getName() + ")(" + HalDriver.NAME_PROPERTY + "=" + name + ")(!("
                + HalDriver.SELECTED_PROPERTY + "=*)))";
        ServiceTracker<T, ServiceReference<T>> tracker = new ServiceTracker<>(context, context.createFilter(filter),
                new ServiceTrackerCustomizer<T, ServiceReference<T>>() {
                    @Override
                    public ServiceReference<T> addingService(ServiceReference<T> reference) {
                        return reference;
                    }

                    @Override
                    public void modifiedService(ServiceReference<T> reference, ServiceReference<T> tracked) {
                        // the reference stays what it is
                    }

                    @Override
                    public void removedService(ServiceReference<T> reference, ServiceReference<T> tracked) {
                        // nothing was gotten
                    }
                });
        tracker.open(true);
        ServiceReference<T> reference;
        try {
            reference = tracker.waitForService(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        } finally {
            tracker.close();
        }
        assertNotNull("a driver service " + filter, reference);
        T driver = context.getService(reference);
        assertNotNull(name, driver);
        gotten.add(reference);
        if (driver != registrysSelected) {
            awaitCondition(() -> name + " is shut down (not in use by the registry)", () -> !driver.isActive());
            valueOf(name + " initializes", driver.initialize());
            initialized.add(driver);
        }
        return driver;
    }
}
