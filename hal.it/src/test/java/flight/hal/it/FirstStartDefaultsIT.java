package flight.hal.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

import flight.hal.HalCapability;
import flight.hal.storage.BlockDevice;

/**
 * The runtime's first-start defaults (bundle flight.hal.defaults): three block devices under the data folder and the
 * health servlet's configuration, each applied once; a default device whose configuration was deleted does not come
 * back when the defaults run again.
 */
@RunWith(PaxExam.class)
public class FirstStartDefaultsIT extends StorageItSupport {
    private static final String DEFAULTS_BUNDLE = "flight.hal.defaults";
    private static final String RECORD_PID = "flight.hal.defaults";
    private static final String HEALTH_SERVLET = "org.apache.felix.hc.core.impl.servlet.HealthCheckExecutorServlet~default";
    private static final List<String> DEVICES = List.of("file0", "nvm0", "zns0");

    @Configuration
    public Option[] configuration() throws Exception {
        Path work = Files.createDirectories(Paths.get(System.getProperty("hal.it.work")));
        Path data = Files.createTempDirectory(work, "data");
        return options(storageFramework(), ourBundle(DEFAULTS_BUNDLE),
                frameworkProperty("flight.hal.data").value(data.toString()));
    }

    private static String devicePid(String name) {
        return DEVICE_FACTORY_PID + "~" + name;
    }

    @Test
    public void threeDevicesUnderTheDataFolderAndTheHealthServletOnFirstStart() throws Exception {
        Path data = Paths.get(context.getProperty("flight.hal.data"));
        for (String name : DEVICES) {
            BlockDevice device = awaitDevice(name);
            assertTrue(name + " initialized by the registry", device.isAvailable());
            assertTrue(name + "'s backing file", Files.isRegularFile(data.resolve("devices").resolve(name + ".img")));
        }
        assertTrue(awaitDevice("zns0").capabilities().contains(HalCapability.ZONED));
        assertTrue(awaitDevice("nvm0").capabilities().contains(HalCapability.MEMORY_MAPPING));
        org.osgi.service.cm.Configuration servlet = configuration(HEALTH_SERVLET);
        assertNotNull("the health servlet's configuration waits for its bundle", servlet);
        assertEquals("/system/health", servlet.getProperties().get("servletPath"));
        assertArrayEquals(new String[] {devicePid("file0"), devicePid("nvm0"), devicePid("zns0"), HEALTH_SERVLET},
                applied());
    }

    @Test
    public void aDeletedDefaultDeviceStaysDeletedWhenTheDefaultsRunAgain() throws Exception {
        awaitDevice("zns0");
        configuration(devicePid("zns0")).delete();
        awaitUntil(() -> !deviceRegistered("zns0"), () -> "zns0 is still registered");

        // Drop the health servlet from the record, and its configuration, so that the next pass has one default to
        // apply: seeing it back says the pass ran, and zns0 must still be gone after it.
        configuration(HEALTH_SERVLET).delete();
        Dictionary<String, Object> record = new Hashtable<>();
        record.put("applied", Arrays.stream(applied()).filter(id -> !id.equals(HEALTH_SERVLET)).toArray(String[]::new));
        configurationAdmin.getConfiguration(RECORD_PID, "?").update(record);

        Bundle defaults = Arrays.stream(context.getBundles())
                .filter(bundle -> DEFAULTS_BUNDLE.equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        defaults.stop();
        defaults.start();
        awaitUntil(() -> configuration(HEALTH_SERVLET) != null, () -> "the defaults did not run again");

        assertNull("zns0's configuration stays deleted", configuration(devicePid("zns0")));
        assertTrue("zns0 stays recorded as applied", Set.of(applied()).contains(devicePid("zns0")));
        assertTrue("file0 and nvm0 are untouched", deviceRegistered("file0") && deviceRegistered("nvm0"));
        assertTrue("zns0 is not registered", !deviceRegistered("zns0"));
    }

    private boolean deviceRegistered(String name) {
        try {
            return !context.getServiceReferences(BlockDevice.class, "(&(hal.driver.name=" + name
                    + ")(!(hal.selected=*)))").isEmpty();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String[] applied() throws Exception {
        return (String[]) configuration(RECORD_PID).getProperties().get("applied");
    }

    /** The configuration of {@code pid}, or null when there is none. */
    private org.osgi.service.cm.Configuration configuration(String pid) {
        try {
            org.osgi.service.cm.Configuration[] found = configurationAdmin.listConfigurations("(service.pid=" + pid
                    + ")");
            return found == null ? null : found[0];
        } catch (java.io.IOException | org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException("Config Admin could not list " + pid, e);
        }
    }
}
