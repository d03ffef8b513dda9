package flight.hal.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Every configuration PID of the runtime has a Metatype form: the runtime's MetaTypeService (Felix Metatype) finds an
 * object class definition for it in its bundle, with the attributes, defaults and allowed values its parser reads,
 * and factory PIDs listed as factory PIDs.
 */
@RunWith(PaxExam.class)
public class MetatypeIT extends HalItSupport {
    /** Bundle symbolic name of each PID the runtime configures, and whether it is a factory PID. */
    private static final Map<String, String> SINGLETON_PIDS = Map.of(
            "flight.hal.registry", "flight.hal.registry",
            "flight.hal.resources", "flight.hal.resources",
            "flight.hal.host.memory", "flight.hal.driver.host",
            "flight.hal.compliance", "flight.hal.compliance",
            "flight.hal.gpu.topology", "flight.hal.driver.platform",
            "flight.hal.defaults", "flight.hal.defaults");
    private static final String DEVICE_FACTORY_PID = "flight.hal.storage.device";

    @Inject
    MetaTypeService metaTypeService;

    @Configuration
    public Option[] configuration() throws IOException {
        // the defaults bundle makes its default devices: in a folder of this test's, not the working folder
        Path data = Files.createTempDirectory(Files.createDirectories(Paths.get(System.getProperty("hal.it.work"))),
                "data");
        return options(StorageItSupport.storageFramework(), ourBundle("flight.hal.resources"),
                ourBundle("flight.hal.compliance"), ourBundle("flight.hal.defaults"),
                frameworkProperty("flight.hal.data").value(data.toString()));
    }

    @Test
    public void everyPidHasAFormWhoseDefaultsItsOwnRulesAccept() {
        SINGLETON_PIDS.forEach((pid, bundle) -> {
            MetaTypeInformation information = information(bundle);
            assertTrue(pid + " is a PID of " + bundle, Arrays.asList(information.getPids()).contains(pid));
            assertFalse(pid + " is not a factory PID", Arrays.asList(information.getFactoryPids()).contains(pid));
            assertDefaultsValid(definition(pid, bundle));
        });
        MetaTypeInformation storage = information("flight.hal.driver.storage");
        assertTrue(Arrays.asList(storage.getFactoryPids()).contains(DEVICE_FACTORY_PID));
        assertFalse(Arrays.asList(storage.getPids()).contains(DEVICE_FACTORY_PID));
        assertDefaultsValid(definition(DEVICE_FACTORY_PID, "flight.hal.driver.storage"));
    }

    @Test
    public void registryFormHasTimeoutsAndTheRetiringPolicy() {
        ObjectClassDefinition registry = definition("flight.hal.registry", "flight.hal.registry");
        Map<String, AttributeDefinition> attributes = attributes(registry, ObjectClassDefinition.ALL);
        assertEquals(Set.of("lease.drain.timeout.ms", "initialize.timeout.ms", "retiring.policy"), attributes.keySet());
        assertEquals(AttributeDefinition.LONG, attributes.get("lease.drain.timeout.ms").getType());
        assertArrayEquals(new String[] {"5000"}, attributes.get("lease.drain.timeout.ms").getDefaultValue());
        assertArrayEquals(new String[] {"5000"}, attributes.get("initialize.timeout.ms").getDefaultValue());
        assertArrayEquals(new String[] {"keep", "drop"}, attributes.get("retiring.policy").getOptionValues());
        assertArrayEquals(new String[] {"keep"}, attributes.get("retiring.policy").getDefaultValue());
        assertFalse("a policy outside the options is refused",
                attributes.get("retiring.policy").validate("discard").isEmpty());
        assertFalse("a negative timeout is refused", attributes.get("initialize.timeout.ms").validate("-1").isEmpty());
        assertTrue("the description names the per-interface keys",
                registry.getDescription().contains("pin.<interface>")
                        && registry.getDescription().contains("require.<interface>"));
    }

    @Test
    public void resourcesFormHasMemoryBudgetLeakTrackingAndAdministrators() {
        ObjectClassDefinition resources = definition("flight.hal.resources", "flight.hal.resources");
        Map<String, AttributeDefinition> optional = attributes(resources, ObjectClassDefinition.OPTIONAL);
        assertEquals(Set.of("memory.max", "memory.reserved", "memory.warning", "memory.critical", "admin.bundles"),
                optional.keySet());
        assertTrue("any number of administrators", optional.get("admin.bundles").getCardinality() > 1);
        Map<String, AttributeDefinition> required = attributes(resources, ObjectClassDefinition.REQUIRED);
        assertArrayEquals(new String[] {"disabled", "sampled", "paranoid"},
                required.get("leak.tracking").getOptionValues());
        assertArrayEquals(new String[] {"sampled"}, required.get("leak.tracking").getDefaultValue());
        assertArrayEquals(new String[] {"128"}, required.get("leak.sampling.interval").getDefaultValue());
        assertArrayEquals(new String[] {"5"}, required.get("pressure.hysteresis").getDefaultValue());
        assertFalse("hysteresis above 50 points is refused", required.get("pressure.hysteresis").validate("51")
                .isEmpty());
        assertTrue(resources.getDescription().contains("bundle.<symbolic name>.<type>.max"));
    }

    @Test
    public void deviceFormHasKindsBlockSizesAndARequiredPath() {
        ObjectClassDefinition device = definition(DEVICE_FACTORY_PID, "flight.hal.driver.storage");
        Map<String, AttributeDefinition> required = attributes(device, ObjectClassDefinition.REQUIRED);
        assertTrue(required.containsKey("path"));
        assertEquals(null, required.get("path").getDefaultValue());
        assertArrayEquals(new String[] {"FILE", "NVM", "ZONED"}, required.get("kind").getOptionValues());
        assertArrayEquals(new String[] {"FILE"}, required.get("kind").getDefaultValue());
        assertArrayEquals(new String[] {"512", "1024", "2048", "4096", "8192", "16384", "32768", "65536"},
                required.get("block.size").getOptionValues());
        assertArrayEquals(new String[] {"4096"}, required.get("block.size").getDefaultValue());
        assertArrayEquals(new String[] {String.valueOf(64L << 20)}, required.get("capacity.bytes").getDefaultValue());
        assertEquals(AttributeDefinition.BOOLEAN, required.get("direct.io").getType());
        assertEquals(AttributeDefinition.DOUBLE, required.get("thermal.threshold.celsius").getType());
        assertEquals(Set.of("zone.capacity.blocks", "zone.count", "zones.read.only", "zones.offline"),
                attributes(device, ObjectClassDefinition.OPTIONAL).keySet());
    }

    @Test
    public void hostMemoryComplianceAndGpuFormsHaveTheirSettings() {
        Map<String, AttributeDefinition> host = attributes(definition("flight.hal.host.memory",
                "flight.hal.driver.host"), ObjectClassDefinition.ALL);
        assertEquals(Set.of("service.ranking", "max.allocation.bytes"), host.keySet());
        assertArrayEquals("the registration's ranking", new String[] {"10"},
                host.get("service.ranking").getDefaultValue());
        assertEquals(AttributeDefinition.LONG, host.get("max.allocation.bytes").getType());
        assertFalse("a limit must be positive", host.get("max.allocation.bytes").validate("0").isEmpty());

        Map<String, AttributeDefinition> kit = attributes(definition("flight.hal.compliance", "flight.hal.compliance"),
                ObjectClassDefinition.ALL);
        assertArrayEquals(new String[] {"5000"}, kit.get("call.timeout.ms").getDefaultValue());
        assertArrayEquals(new String[] {"60000"}, kit.get("check.timeout.ms").getDefaultValue());
        assertArrayEquals(new String[] {"1"}, kit.get("soak.seconds").getDefaultValue());

        Map<String, AttributeDefinition> gpu = attributes(definition("flight.hal.gpu.topology",
                "flight.hal.driver.platform"), ObjectClassDefinition.ALL);
        assertEquals(Set.of("service.ranking", "gpus", "drm.root", "detected.lba.span"), gpu.keySet());
        assertTrue("any number of GPUs", gpu.get("gpus").getCardinality() > 1);
        assertArrayEquals(new String[] {"/sys/class/drm"}, gpu.get("drm.root").getDefaultValue());
    }

    private MetaTypeInformation information(String symbolicName) {
        Bundle bundle = Arrays.stream(context.getBundles())
                .filter(candidate -> symbolicName.equals(candidate.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("bundle " + symbolicName + " is not installed"));
        MetaTypeInformation information = metaTypeService.getMetaTypeInformation(bundle);
        assertNotNull("Metatype of " + symbolicName, information);
        return information;
    }

    /** The definition of {@code pid}; fails when the bundle has none. */
    private ObjectClassDefinition definition(String pid, String symbolicName) {
        ObjectClassDefinition definition = information(symbolicName).getObjectClassDefinition(pid, null);
        assertNotNull("an object class definition for " + pid, definition);
        assertFalse("a name for " + pid, definition.getName().isBlank());
        return definition;
    }

    private static Map<String, AttributeDefinition> attributes(ObjectClassDefinition definition, int filter) {
        AttributeDefinition[] attributes = definition.getAttributeDefinitions(filter);
        return attributes == null ? Map.of() : Arrays.stream(attributes)
                .collect(Collectors.toMap(AttributeDefinition::getID, Function.identity()));
    }

    /** Every attribute is described, and its default passes its own type, bounds and options. */
    private static void assertDefaultsValid(ObjectClassDefinition definition) {
        for (AttributeDefinition attribute : definition.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            String where = definition.getID() + " " + attribute.getID();
            assertFalse(where + " has a description", attribute.getDescription() == null
                    || attribute.getDescription().isBlank());
            String[] defaults = attribute.getDefaultValue();
            for (String value : defaults == null ? new String[0] : defaults) {
                assertEquals(where + " default " + value, "", attribute.validate(value));
            }
        }
    }
}
