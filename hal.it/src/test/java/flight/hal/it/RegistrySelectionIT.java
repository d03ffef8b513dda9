package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.LoggerFactory;

import flight.hal.HalResult;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.InterfaceStatus;

/** Selection by ranking, fallback, re-selection on change, the hal.selected republication, and logging. */
@RunWith(PaxExam.class)
public class RegistrySelectionIT extends HalItSupport {

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return options(halFramework());
    }

    @Test
    public void hostDriverIsSelectedAndAllocatesRealMemory() throws Exception {
        awaitSelected(HOST);
        MemoryDriver memory = registry.handle(MemoryDriver.class).current();
        HalResult<MemoryAllocation> allocation = memory.allocate(AllocationRequest.of(1000));
        assertTrue(allocation.toString(), allocation.isOk());
        assertTrue(allocation.orElseThrow().buffer().isDirect());
        assertTrue(memory.deallocate(allocation.orElseThrow().handle()).isOk());
        assertTrue(memory.deallocate(allocation.orElseThrow().handle()).isErr());
    }

    @Test
    public void loggingReachesARealBindingInsideTheFramework() {
        String factory = LoggerFactory.getILoggerFactory().getClass().getName();
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", factory);
    }

    @Test
    public void higherRankedBundleTakesOverAndStoppingItFallsBack() throws Exception {
        awaitSelected(HOST);
        Bundle drivers = installTestDrivers();
        awaitSelected(TEST);
        assertEquals(TEST, registry.handle(MemoryDriver.class).current().name());
        InterfaceStatus status = registry.status("MemoryDriver").orElseThrow();
        assertEquals(TEST, status.candidates().get(0).name());
        assertEquals(DriverState.SELECTED, status.candidates().get(0).state());
        assertEquals(DriverState.STANDBY, status.candidates().get(1).state());

        drivers.stop();
        awaitSelected(HOST);
        assertEquals(HOST, registry.handle(MemoryDriver.class).current().name());
        drivers.start();
        awaitSelected(TEST);
        drivers.uninstall();
        awaitSelected(HOST);
    }

    @Test
    public void selectedDriverIsRepublishedAndAGreedyConsumerFollowsIt() throws Exception {
        Bundle drivers = installTestDrivers();
        awaitSelected(TEST);
        assertEquals(TEST, selectedServiceName());
        assertEquals(TEST, probe().get());

        drivers.stop();
        awaitSelected(HOST);
        assertEquals(HOST, selectedServiceName());
        drivers.start();
        awaitSelected(TEST);
        assertEquals(TEST, selectedServiceName());
        assertEquals(TEST, probe().get());
    }

    @Test
    public void driverWhoseInitializeFailsIsSkippedAndRetriedWhenReconfigured() throws Exception {
        installTestDrivers();
        awaitSelected(TEST);
        org.osgi.service.cm.Configuration broken = testDriver("broken", 500, "fail.init", "true");
        // configurations are applied in order: once "good" is selected, "broken" has been tried and skipped
        testDriver("good", 400);
        awaitSelected("good");
        DriverDescription skipped = candidate("broken");
        assertEquals(DriverState.FAILED, skipped.state());
        assertTrue(skipped.failureReason().orElseThrow().message().contains("configured to fail"));

        broken.update(properties("broken", 500, "fail.init", "false"));
        awaitSelected("broken");
    }

    @Test
    public void unavailableDriverIsSkipped() throws Exception {
        installTestDrivers();
        testDriver("absent", 600, "available", "false");
        testDriver("present", 300);
        awaitSelected("present");
        assertEquals(DriverState.UNAVAILABLE, candidate("absent").state());
    }

    @Test
    public void rankingChangedThroughConfigAdminReselects() throws Exception {
        org.osgi.service.cm.Configuration mid = testDriver("mid", 5);
        installTestDrivers();
        awaitSelected(TEST);
        mid.update(properties("mid", 150));
        awaitSelected("mid");
        mid.update(properties("mid", 1));
        awaitSelected(TEST);

        // the host driver's own ranking, through its PID
        org.osgi.service.cm.Configuration host = configurationAdmin.getConfiguration("flight.hal.host.memory", "?");
        Dictionary<String, Object> ranking = new Hashtable<>();
        ranking.put("service.ranking", 1000);
        host.update(ranking);
        awaitSelected(HOST);
        host.delete();
        awaitSelected(TEST);
    }

    @Test
    public void pinningSelectsTheNamedDriverAndFallsBackWhenItIsAbsent() throws Exception {
        installTestDrivers();
        awaitSelected(TEST);
        assertTrue(registry.pin("MemoryDriver", HOST).isOk());
        awaitSelected(HOST);
        assertEquals(HOST, registry.status(MEMORY).orElseThrow().pin());

        assertTrue(registry.pin(MEMORY, "ghost").isOk());
        awaitSelected(TEST);
        assertTrue(registry.status(MEMORY).orElseThrow().note().contains("'ghost' is not registered"));

        assertTrue(registry.unpin("MemoryDriver").isOk());
        assertTrue(registry.unpin("MemoryDriver").isErr());
        assertTrue(registry.pin("NoSuchInterface", HOST).isErr());
        assertTrue(registry.pin("MemoryDriver", " ").isErr());
        assertEquals(TEST, selectedMemoryDriver());
    }

    @Test
    public void pinningThroughConfigAdmin() throws Exception {
        installTestDrivers();
        awaitSelected(TEST);
        org.osgi.service.cm.Configuration registryConfig =
                configurationAdmin.getConfiguration("flight.hal.registry", "?");
        Dictionary<String, Object> pin = new Hashtable<>();
        pin.put("pin.MemoryDriver", HOST);
        registryConfig.update(pin);
        awaitSelected(HOST);
        registryConfig.delete();
        awaitSelected(TEST);
    }

    private String selectedServiceName() throws Exception {
        Collection<ServiceReference<MemoryDriver>> selected =
                context.getServiceReferences(MemoryDriver.class, "(hal.selected=true)");
        assertEquals("exactly one republished memory driver", 1, selected.size());
        ServiceReference<MemoryDriver> reference = selected.iterator().next();
        return (String) reference.getProperty("hal.driver.name");
    }

    @SuppressWarnings("unchecked")
    private Supplier<String> probe() throws Exception {
        Collection<ServiceReference<Supplier>> probes =
                context.getServiceReferences(Supplier.class, "(hal.probe=selected.memory)");
        assertFalse("the probe consumer is registered", probes.isEmpty());
        return context.getService(probes.iterator().next());
    }

    private DriverDescription candidate(String name) {
        return registry.status(MEMORY).orElseThrow().candidates().stream()
                .filter(driver -> driver.name().equals(name)).findFirst().orElseThrow();
    }

    private org.osgi.service.cm.Configuration testDriver(String name, int ranking, String... faults)
            throws Exception {
        org.osgi.service.cm.Configuration configuration =
                configurationAdmin.getFactoryConfiguration("flight.hal.test.memory", name, "?");
        configuration.update(properties(name, ranking, faults));
        assertNotNull(configuration.getPid());
        return configuration;
    }

    private static Dictionary<String, Object> properties(String name, int ranking, String... faults) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("hal.driver.name", name);
        properties.put("service.ranking", ranking);
        for (int i = 0; i + 1 < faults.length; i += 2) {
            properties.put(faults[i], faults[i + 1]);
        }
        return properties;
    }
}
