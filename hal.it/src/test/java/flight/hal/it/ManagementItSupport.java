package flight.hal.it;

import static org.ops4j.pax.exam.CoreOptions.composite;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.Before;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.Configuration;

/**
 * The framework with the resource manager, the platform and storage drivers and the management bundles named by
 * each test; the test probe, {@value #JMX} and {@value #HEALTH} administer the resources.
 */
public abstract class ManagementItSupport extends ResourceItSupport {
    static final String JMX = "flight.hal.jmx";
    static final String HEALTH = "flight.hal.health";
    /** The platform MBean server: what any JMX client attached to this JVM reads. */
    static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();

    /** This test's folder for backing files. */
    protected Path devices;

    static Option managementFramework(String... managementBundles) {
        Option[] bundles = new Option[managementBundles.length];
        for (int i = 0; i < bundles.length; i++) {
            bundles[i] = ourBundle(managementBundles[i]);
        }
        return composite(resourceFramework(), ourBundle("flight.hal.driver.platform"),
                ourBundle("flight.hal.driver.storage"), composite(bundles));
    }

    /** The management bundles administer the resources, beside the test probe. */
    @Override
    @Before
    public void grantAdministration() throws Exception {
        grantAdministration(JMX, HEALTH);
        Path work = Files.createDirectories(Paths.get(System.getProperty("hal.it.work")));
        devices = Files.createTempDirectory(work, "devices");
    }

    /** A block device of this test, backed by a file in its folder. */
    protected Configuration device(String name, Object... keyValues) throws Exception {
        return StorageItSupport.device(configurationAdmin, devices, name, keyValues);
    }

    /** Waits until the MBean {@code name} is registered (or, for {@code registered == false}, gone). */
    protected static void awaitMBean(ObjectName name, boolean registered) {
        awaitUntil(() -> MBEANS.isRegistered(name) == registered,
                () -> name + (registered ? " is not registered" : " is still registered"));
    }

    /** Waits until attribute {@code attribute} of MBean {@code name} equals {@code expected}. */
    protected static void awaitAttribute(ObjectName name, String attribute, Object expected) {
        awaitUntil(() -> MBEANS.isRegistered(name) && Objects.equals(expected, attribute(name, attribute)),
                () -> name + " " + attribute + " is " + (MBEANS.isRegistered(name) ? attribute(name, attribute)
                        : "not there: no such MBean") + ", expected " + expected);
    }

    /** Attribute {@code attribute} of MBean {@code name}. */
    protected static Object attribute(ObjectName name, String attribute) {
        try {
            return MBEANS.getAttribute(name, attribute);
        } catch (JMException e) {
            throw new AssertionError("could not read " + name + " " + attribute, e);
        }
    }
}
