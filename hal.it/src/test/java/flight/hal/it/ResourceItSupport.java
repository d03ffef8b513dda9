package flight.hal.it;

import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import flight.hal.HalDriver;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceManager;

/**
 * The HAL framework plus the resource manager, and bundles made on the fly: each is a real bundle with a context of
 * its own, so the manager it gets is its own and everything acquired through it is charged to it. The test probe is
 * the administrator: the configuration names it in {@value ResourceAdministration#ADMIN_BUNDLES_PROPERTY}.
 */
public abstract class ResourceItSupport extends HalItSupport {
    private static final AtomicInteger GENERATIONS = new AtomicInteger();
    private static final String ACCOUNTING = "flight.hal.resources.internal.ResourceAccounting";

    /** The manager of the test probe's own bundle: a tenant's view. */
    @Inject
    protected ResourceManager manager;

    /**
     * The administration, which the configuration grants the test probe ({@link #grantAdministration()}); held
     * through a tracker that stays open for the test, since letting go of the service revokes it.
     */
    protected ResourceAdministration administration;
    private ServiceTracker<ResourceAdministration, ResourceAdministration> administrationTracker;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    static Option resourceFramework() {
        return composite(halFramework(), ourBundle("flight.hal.resources"));
    }

    /** Names the test probe in {@value ResourceAdministration#ADMIN_BUNDLES_PROPERTY} and gets the administration. */
    @Before
    public void grantAdministration() throws Exception {
        grantAdministration(new String[0]);
    }

    /**
     * Makes the test probe and {@code others} the administrators, and gets the administration once the service shows
     * exactly them: a change of administrators re-registers the service and revokes what was obtained before.
     */
    protected void grantAdministration(String... others) throws Exception {
        Set<String> administrators = new TreeSet<>(List.of(others));
        administrators.add(probeName());
        configure(Map.of(ResourceAdministration.ADMIN_BUNDLES_PROPERTY, administrators.toArray(String[]::new)));
        if (administrationTracker != null) {
            administrationTracker.close();
        }
        administrationTracker = new ServiceTracker<>(context, ResourceAdministration.class, null) {
            @Override
            public ResourceAdministration addingService(ServiceReference<ResourceAdministration> reference) {
                Object shown = reference.getProperty(ResourceAdministration.ADMIN_BUNDLES_PROPERTY);
                return shown instanceof String[] names && Set.of(names).equals(administrators)
                        ? super.addingService(reference) : null;
            }
        };
        administrationTracker.open();
        administration = administrationTracker.waitForService(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        assertNotNull("the resource administration, granted to " + administrators, administration);
    }

    @After
    public void letGoOfAdministration() {
        administrationTracker.close();
    }

    /** The test probe's symbolic name, which Pax Exam makes up. */
    protected String probeName() {
        return context.getBundle().getSymbolicName();
    }

    /** The administration as {@code bundle} gets it from the framework: null unless the configuration allows it. */
    protected static ResourceAdministration administrationOf(Bundle bundle) {
        return serviceOf(bundle, ResourceAdministration.class);
    }

    /** Installs and starts an empty bundle named {@code symbolicName}: a context to act as another bundle. */
    protected Bundle startBundle(String symbolicName) throws Exception {
        Manifest manifest = new Manifest();
        Attributes headers = manifest.getMainAttributes();
        headers.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        headers.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        headers.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        Bundle bundle = context.installBundle("generated:" + symbolicName, new ByteArrayInputStream(jar(manifest)));
        bundle.start();
        return bundle;
    }

    private static byte[] jar(Manifest manifest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        return bytes.toByteArray();
    }

    /** The resource manager as {@code bundle} gets it from the framework: its own instance. */
    protected static ResourceManager managerOf(Bundle bundle) {
        return serviceOf(bundle, ResourceManager.class);
    }

    /** The service of {@code type} as {@code bundle} gets it; both services have bundle scope. */
    private static <S> S serviceOf(Bundle bundle, Class<S> type) {
        BundleContext bundleContext = bundle.getBundleContext();
        ServiceReference<S> reference = bundleContext.getServiceReference(type);
        assertNotNull(type.getSimpleName() + " is registered", reference);
        return bundleContext.getService(reference);
    }

    /** Registers a stand-in driver named {@code driverName} from {@code bundle}, as a share target. */
    protected static ServiceRegistration<Runnable> registerDriver(Bundle bundle, String driverName) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HalDriver.NAME_PROPERTY, driverName);
        return bundle.getBundleContext().registerService(Runnable.class, () -> { }, properties);
    }

    /**
     * Replaces the manager's configuration (PID {@value ResourceManager#PID}) and waits until the manager has
     * applied it: its component is modified, and its service then shows the new properties. The test probe stays
     * the administrator unless {@code settings} name others.
     */
    protected void configure(Map<String, Object> settings) throws Exception {
        String generation = String.valueOf(GENERATIONS.incrementAndGet());
        Dictionary<String, Object> properties = new Hashtable<>(settings);
        properties.put("it.generation", generation);
        if (properties.get(ResourceAdministration.ADMIN_BUNDLES_PROPERTY) == null) {
            properties.put(ResourceAdministration.ADMIN_BUNDLES_PROPERTY, probeName());
        }
        Configuration configuration = configurationAdmin.getConfiguration(ResourceManager.PID, "?");
        configuration.update(properties);
        ServiceTracker<Object, Object> applied = new ServiceTracker<>(context, context.createFilter(
                "(&(component.name=" + ACCOUNTING + ")(it.generation=" + generation + "))"), null);
        applied.open(true);
        try {
            assertNotNull("configuration " + settings + " applied",
                    applied.waitForService(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
        } finally {
            applied.close();
        }
    }
}
