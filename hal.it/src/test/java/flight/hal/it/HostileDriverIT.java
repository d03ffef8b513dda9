package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

import flight.hal.HalResult;
import flight.hal.memory.MemoryDriver;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.DriverState;
import flight.hal.registry.InterfaceStatus;
import flight.hal.registry.SelectionEvent;
import flight.hal.registry.SelectionListener;

/**
 * Memory drivers that misbehave — null or an exception from {@code capabilities()}, {@code initialize()},
 * {@code platformInfo()} or {@code isAvailable()}, an {@code initialize()} that never returns — outrank every real
 * driver, alone or by the dozen while the test drivers' bundle is stopped and started: each becomes {@code FAILED}
 * with a reason, none is ever selected, the real drivers keep serving every call, and the registry's queries and
 * {@code hal:drivers} answer at once.
 */
@RunWith(PaxExam.class)
public class HostileDriverIT extends HalItSupport {
    private static final int ABOVE_EVERY_REAL_DRIVER = 1000;
    /** The registry's {@code initialize.timeout.ms}: above {@link #PROMPT_MS}, so a query stuck behind a hang shows. */
    private static final long INITIALIZE_TIMEOUT_MS = 3000;
    /** How long a status query, a {@code hal:drivers} or a leased call may take. */
    private static final long PROMPT_MS = 1500;
    private static final Set<String> REAL_DRIVERS = Set.of(HOST, TEST);
    private static final long STORM_SEED = 0x5EED_0008L;
    private static final int STORM_CYCLES = 50;
    private static final int STORM_CALLERS = 2;
    private static final int MOST_HOSTILE_DRIVERS_AT_ONCE = 4;

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Inject
    CommandProcessor shell;

    private DriverConfigurations configurations;
    private PromptQueries prompt;
    private Bundle testDrivers;
    private int hostileDriversConfigured;
    /** Every selection of a hostile driver, by the plain handle or any role: there must be none. */
    private final Queue<SelectionEvent> hostileSelections = new ConcurrentLinkedQueue<>();
    private ServiceRegistration<SelectionListener> hostileSelectionRecorder;

    @Configuration
    public Option[] configuration() {
        return options(halFramework());
    }

    @Before
    public void testMemorySelectedAndShortInitializeTimeout() throws Exception {
        hostileSelectionRecorder = context.registerService(SelectionListener.class, event -> {
            if (isHostile(event.selected())) {
                hostileSelections.add(event);
            }
        }, null);
        configurations = new DriverConfigurations(configurationAdmin);
        prompt = new PromptQueries(PROMPT_MS);
        configurations.registry(Map.of(DriverConfigurations.INITIALIZE_TIMEOUT, String.valueOf(INITIALIZE_TIMEOUT_MS)));
        testDrivers = installTestDrivers();
        awaitSelected(TEST);
        awaitService("(osgi.command.scope=hal)");
        runCommand(shell, "hal:drivers"); // the first command loads Gogo's classes: keep that out of the timed ones
    }

    /** Deleting the hostile configurations deactivates their drivers, which ends a hanging initialize(). */
    @After
    public void deleteConfigurations() throws Exception {
        configurations.deleteAll();
        prompt.close();
        hostileSelectionRecorder.unregister();
    }

    @Test
    public void capabilitiesReturningNullFailTheCandidate() throws Exception {
        assertFailsWhileTestMemoryServes(HostileFault.NULL_CAPABILITIES);
    }

    @Test
    public void capabilitiesThrowingFailTheCandidate() throws Exception {
        assertFailsWhileTestMemoryServes(HostileFault.THROW_CAPABILITIES);
    }

    @Test
    public void initializeReturningNullFailsTheCandidate() throws Exception {
        assertFailsWhileTestMemoryServes(HostileFault.NULL_INITIALIZE);
    }

    @Test
    public void initializeThrowingFailsTheCandidate() throws Exception {
        assertFailsWhileTestMemoryServes(HostileFault.THROW_INITIALIZE);
    }

    @Test
    public void platformInfoReturningNullFailsTheCandidate() throws Exception {
        assertFailsWhileTestMemoryServes(HostileFault.NULL_PLATFORM_INFO);
    }

    @Test
    public void platformInfoThrowingFailsTheCandidate() throws Exception {
        assertFailsWhileTestMemoryServes(HostileFault.THROW_PLATFORM_INFO);
    }

    @Test
    public void isAvailableThrowingFailsTheCandidate() throws Exception {
        assertFailsWhileTestMemoryServes(HostileFault.THROW_AVAILABLE);
    }

    /**
     * While the hostile initialize() hangs, and after the registry gave up on it (it still hangs: its component is
     * active until the configuration is deleted), queries answer and calls reach test.memory at once.
     */
    @Test
    public void initializeThatNeverReturnsFailsTheCandidateAfterTheTimeoutWithoutBlockingAnything() throws Exception {
        String hostile = HostileFault.HANG_INITIALIZE.driverName(1);
        long configured = System.nanoTime();
        configurations.hostileMemory(hostile, ABOVE_EVERY_REAL_DRIVER, HostileFault.HANG_INITIALIZE.name());

        int roundsWhileHanging = 0;
        DriverDescription candidate = promptCandidate(hostile);
        while (candidate == null || candidate.state() != DriverState.FAILED) {
            assertTrue("after " + TIMEOUT_SECONDS + " s the hanging candidate is not FAILED: " + candidate,
                    System.nanoTime() - configured < TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS));
            assertTestMemorySelectedAndServing();
            prompt.answer("hal:drivers", () -> runCommand(shell, "hal:drivers"));
            roundsWhileHanging++;
            candidate = promptCandidate(hostile);
        }
        long failedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - configured);
        System.out.printf("HostileDriverIT: hanging initialize() FAILED after %d ms, %d prompt round(s) meanwhile%n",
                failedAfterMillis, roundsWhileHanging);

        assertTrue("FAILED after " + failedAfterMillis + " ms, before initialize() could have timed out",
                failedAfterMillis >= INITIALIZE_TIMEOUT_MS);
        assertTrue("queries were made while initialize() hung", roundsWhileHanging > 0);
        assertFailureExplained(HostileFault.HANG_INITIALIZE, candidate);
        assertTestMemorySelectedAndServing();
        assertQueriesShowFailed(hostile);
        assertNoHostileDriverWasSelected();
    }

    /**
     * Two callers make leased calls while test.memory's bundle is stopped and started and hostile drivers of random
     * faults and rankings are configured and deleted at random: no call fails or reaches a hostile driver, each
     * hostile driver left ends FAILED with a reason, and none is left once their configurations are deleted.
     */
    @Test
    public void realDriversServeEveryCallWhileHostileDriversComeAndGoDuringASwapStorm() throws Exception {
        System.out.println("HostileDriverIT storm: Random seed 0x" + Long.toHexString(STORM_SEED));
        Random random = new Random(STORM_SEED);
        Map<String, org.osgi.service.cm.Configuration> hostiles = new LinkedHashMap<>();
        Semaphore progress = new Semaphore(0);
        DriverHandle<MemoryDriver> memory = registry.handle(MemoryDriver.class);
        List<LeasedMemoryCaller> callers = new ArrayList<>();
        for (int i = 1; i <= STORM_CALLERS; i++) {
            callers.add(new LeasedMemoryCaller("hal-it-storm-caller-" + i, memory, REAL_DRIVERS, progress));
        }
        callers.forEach(LeasedMemoryCaller::start);
        awaitCallsFlowing(progress);

        for (int cycle = 0; cycle < STORM_CYCLES; cycle++) {
            changeHostileDrivers(random, hostiles);
            testDrivers.stop();
            changeHostileDrivers(random, hostiles);
            testDrivers.start();
            prompt.answer("registry.interfaces()", registry::interfaces);
            awaitCallsFlowing(progress);
        }
        long calls = 0;
        long failedCalls = 0;
        List<String> failures = new ArrayList<>();
        for (LeasedMemoryCaller caller : callers) {
            assertTrue("a caller did not stop", caller.stop(TIMEOUT_SECONDS));
            calls += caller.calls();
            failedCalls += caller.failedCalls();
            failures.addAll(caller.firstFailures());
        }
        System.out.printf("HostileDriverIT storm: %d cycles, %d hostile driver(s) configured, %d calls, %d failed%n",
                STORM_CYCLES, hostileDriversConfigured, calls, failedCalls);

        assertEquals("failed calls, first ones: " + failures, 0, failedCalls);
        assertTrue("calls made: " + calls, calls >= STORM_CYCLES);
        awaitSelected(TEST);
        assertEveryHostileDriverFailsWhenTried(hostiles.keySet());
        assertNoHostileDriverWasSelected();

        for (org.osgi.service.cm.Configuration hostile : hostiles.values()) {
            configurations.delete(hostile);
        }
        awaitUntil(() -> hostileCandidates().isEmpty(),
                () -> "hostile candidates left after their configurations were deleted: " + hostileCandidates());
        assertTestMemorySelectedAndServing();
    }

    private void assertFailsWhileTestMemoryServes(HostileFault fault) throws Exception {
        String hostile = fault.driverName(1);
        configurations.hostileMemory(hostile, ABOVE_EVERY_REAL_DRIVER, fault.name());
        DriverDescription candidate = awaitMemoryCandidate(hostile, DriverState.FAILED);
        assertFailureExplained(fault, candidate);
        assertTestMemorySelectedAndServing();
        assertQueriesShowFailed(hostile);
        assertNoHostileDriverWasSelected();
    }

    private static void assertFailureExplained(HostileFault fault, DriverDescription candidate) {
        assertNotNull(candidate.name() + " is FAILED with a failure", candidate.failure());
        String message = candidate.failure().message();
        assertTrue(candidate.name() + ": '" + message + "' does not say that " + fault.method + "() "
                + fault.misbehaviour, fault.isExplainedBy(message));
    }

    /** test.memory is selected, and an allocation through the memory handle reaches it and works, promptly. */
    private void assertTestMemorySelectedAndServing() throws Exception {
        assertEquals(TEST, prompt.answer("registry.status(MemoryDriver)", this::selectedMemoryDriver));
        DriverHandle<MemoryDriver> memory = registry.handle(MemoryDriver.class);
        HalResult<String> served = prompt.answer("a leased allocation", () -> memory.call(
                driver -> LeasedMemoryCaller.allocateWriteVerifyRelease(driver, System.nanoTime())));
        assertTrue("a leased allocate/write/verify/deallocate: " + served, served.isOk());
        assertEquals(TEST, served.valueOrNull());
    }

    /** status(), interfaces() and hal:drivers all answer promptly and show {@code hostile} FAILED. */
    private void assertQueriesShowFailed(String hostile) throws Exception {
        InterfaceStatus status = prompt.answer("registry.status(MemoryDriver)",
                () -> registry.status(MEMORY).orElseThrow());
        assertEquals(TEST, status.selected());
        assertEquals(status.toString(), DriverState.FAILED, stateIn(status, hostile));

        List<InterfaceStatus> all = prompt.answer("registry.interfaces()", registry::interfaces);
        InterfaceStatus listed = all.stream().filter(each -> each.interfaceName().equals(MEMORY)).findFirst()
                .orElseThrow(() -> new AssertionError("interfaces() lists no " + MEMORY + ": " + all));
        assertEquals(listed.toString(), DriverState.FAILED, stateIn(listed, hostile));

        String table = prompt.answer("hal:drivers", () -> runCommand(shell, "hal:drivers"));
        assertTrue(table, Pattern.compile("(?m)^.*\\Q" + hostile + "\\E\\s.*\\bFAILED\\b.*$").matcher(table).find());
    }

    private static DriverState stateIn(InterfaceStatus status, String driver) {
        return status.candidates().stream().filter(candidate -> candidate.name().equals(driver))
                .map(DriverDescription::state).findFirst().orElse(null);
    }

    private DriverDescription promptCandidate(String driver) throws Exception {
        return prompt.answer("registry.status(MemoryDriver)", () -> memoryCandidate(driver).orElse(null));
    }

    private void assertNoHostileDriverWasSelected() {
        assertTrue("hostile drivers were selected: " + hostileSelections, hostileSelections.isEmpty());
    }

    /**
     * A hostile driver ranked below the selected one is never tried, so its initialize() fault cannot show yet. Pinning
     * the interface to each one makes the registry try it (the pin falls back to ranking when it fails); each must
     * then be FAILED with a reason, while test.memory stays selected.
     */
    private void assertEveryHostileDriverFailsWhenTried(Set<String> hostiles) throws Exception {
        for (String hostile : hostiles) {
            assertTrue(registry.pin("MemoryDriver", hostile).isOk());
            DriverDescription candidate = awaitMemoryCandidate(hostile, DriverState.FAILED);
            assertNotNull(hostile + " is FAILED with a reason", candidate.failure());
            assertTrue(hostile + ": " + candidate.failure(), !candidate.failure().message().isBlank());
            assertEquals(TEST, selectedMemoryDriver());
        }
        if (!hostiles.isEmpty()) {
            assertTrue(registry.unpin("MemoryDriver").isOk());
        }
    }

    /** Configures a new hostile driver (random fault, random ranking 1..1000) or deletes one, at random. */
    private void changeHostileDrivers(Random random, Map<String, org.osgi.service.cm.Configuration> hostiles)
            throws Exception {
        boolean add = hostiles.isEmpty() || hostiles.size() < MOST_HOSTILE_DRIVERS_AT_ONCE && random.nextBoolean();
        if (add) {
            HostileFault fault = HostileFault.values()[random.nextInt(HostileFault.values().length)];
            int ranking = 1 + random.nextInt(1000);
            String hostile = fault.driverName(++hostileDriversConfigured);
            hostiles.put(hostile, configurations.hostileMemory(hostile, ranking, fault.name()));
        } else {
            List<String> names = List.copyOf(hostiles.keySet());
            configurations.delete(hostiles.remove(names.get(random.nextInt(names.size()))));
        }
    }

    /** Waits until the callers made {@value #STORM_CALLERS} more calls: each swap happens under load. */
    private void awaitCallsFlowing(Semaphore progress) throws InterruptedException {
        progress.drainPermits();
        assertTrue("no calls for " + TIMEOUT_SECONDS + " s; memory is " + registry.status(MEMORY),
                progress.tryAcquire(STORM_CALLERS, TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    private List<String> hostileCandidates() {
        return registry.status(MEMORY).stream().flatMap(status -> status.candidates().stream())
                .map(DriverDescription::name).filter(HostileDriverIT::isHostile).toList();
    }

    private static boolean isHostile(String driver) {
        return driver != null && driver.startsWith("hostile.");
    }
}
