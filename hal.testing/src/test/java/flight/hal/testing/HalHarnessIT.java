package flight.hal.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.Objects;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.registry.DriverHandle;

/**
 * The kit as a Pax Exam user sees it: the runtime from {@link HalRuntime} (this module's jar standing in for the
 * kit's bundle, which is not installed yet when this test runs), the harness's waits, swaps and pins, the
 * fault-injecting driver, and compliance as an assertion.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HalHarnessIT {
    private static final String HOST = "host.memory";
    private static final String HOST_BUNDLE = "flight.hal.driver.host";

    @Inject
    BundleContext context;

    private HalHarness hal;

    @Configuration
    public Option[] config() {
        String kit = Objects.requireNonNull(System.getProperty("hal.testing.jar"), "hal.testing.jar is not set");
        return options(HalRuntime.runtimeBundles(), bundle(Paths.get(kit).toUri().toString()), junitBundles());
    }

    @Before
    public void harness() {
        hal = new HalHarness(context, Duration.ofSeconds(30));
    }

    @After
    public void close() {
        hal.close();
    }

    @Test
    public void theRuntimeSelectsTheHostDriverAndSwapsItOutAndIn() throws Exception {
        hal.awaitSelected(MemoryDriver.class, HOST);
        hal.swapOut(HOST_BUNDLE);
        assertNull(hal.selected(MemoryDriver.class));
        hal.swapIn(HOST_BUNDLE);
        hal.awaitSelected(MemoryDriver.class, HOST);
    }

    @Test
    public void everyNthCallOfAFaultyDriverFailsAndChangesNothing() throws Exception {
        try (InjectedFaults faulty = hal.injectFaults(MemoryFaults.named("flaky.memory").ranking(100).failingEvery(2))) {
            hal.awaitSelected(MemoryDriver.class, "flaky.memory");
            DriverHandle<MemoryDriver> memory = hal.registry().handle(MemoryDriver.class);
            HalResult<MemoryAllocation> first = memory.call(driver -> driver.allocate(AllocationRequest.of(64)));
            HalResult<MemoryAllocation> second = memory.call(driver -> driver.allocate(AllocationRequest.of(64)));
            assertTrue(first.toString(), first.isOk());
            assertEquals(ErrorCategory.INTERNAL, second.errorOrNull().category());
            assertEquals(1, memory.call(MemoryDriver::stats).valueOrNull().activeAllocations());
        }
        hal.awaitSelected(MemoryDriver.class, HOST);
    }

    @Test
    public void aDriverThatFailsToInitializeOrIsUnavailableIsNotSelected() throws Exception {
        try (InjectedFaults broken = hal.injectFaults(MemoryFaults.named("broken.memory").ranking(100)
                .failingInitialize());
             InjectedFaults absent = hal.injectFaults(MemoryFaults.named("absent.memory").ranking(200).unavailable())) {
            hal.awaitSelected(MemoryDriver.class, HOST);
        }
    }

    @Test
    public void aDriverRunsOutOfMemoryAtItsThreshold() throws Exception {
        try (InjectedFaults small = hal.injectFaults(MemoryFaults.named("small.memory").ranking(100)
                .outOfMemoryAt(4096))) {
            hal.awaitSelected(MemoryDriver.class, "small.memory");
            DriverHandle<MemoryDriver> memory = hal.registry().handle(MemoryDriver.class);
            assertTrue(memory.call(driver -> driver.allocate(AllocationRequest.of(4096))).isOk());
            assertEquals(ErrorCategory.OUT_OF_MEMORY,
                    memory.call(driver -> driver.allocate(AllocationRequest.of(8))).errorOrNull().category());
        }
    }

    @Test
    public void pinningSelectsALowerRankedDriverUntilUnpinned() throws Exception {
        try (InjectedFaults other = hal.injectFaults(MemoryFaults.named("other.memory").ranking(100))) {
            hal.awaitSelected(MemoryDriver.class, "other.memory");
            hal.pin(MemoryDriver.class, HOST);
            hal.unpin(MemoryDriver.class);
            hal.awaitSelected(MemoryDriver.class, "other.memory");
        }
    }

    @Test
    public void complianceIsAnAssertionWithTheReportAsItsMessage() throws Exception {
        hal.assertCompliant(HOST);
        try (InjectedFaults failing = hal.injectFaults(MemoryFaults.named("failing.memory").failingEvery(1))) {
            hal.assertCompliant("failing.memory");
            fail("a driver failing every call was found compliant");
        } catch (AssertionError expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("failing.memory (" + MemoryDriver.class
                    .getName() + ")"));
            assertTrue(expected.getMessage(), expected.getMessage().contains("NOT COMPLIANT"));
        }
    }
}
