package flight.hal.remote.probe;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A Felix framework with Aries RSA and one distribution provider, its bundles taken from the test class path. The
 * probe's package and SLF4J come from the class path through the system bundle, so both frameworks and the probe
 * share {@link BlockProbe} and {@link Blocks}.
 */
final class ProbeFramework implements AutoCloseable {
    /** This module's bundle: its classes folder, which bnd has made a bundle by the time tests run. */
    private static final String HAL_REMOTE = "flight.hal.remote-";
    static final String PROBE_SECRET = "probe-secret";
    /** The versions of hal.api's packages hal.remote imports (their package-info). */
    private static final String API_VERSION = "3.0.0";
    private static final String STORAGE_VERSION = "2.1.0";
    private static final String REGISTRY_VERSION = "1.3.0";
    private static final String FLEET_VERSION = "1.0.0";
    /** The HAL registry's bundle, for a controller whose selections fall back when a node dies. */
    static final String HAL_REGISTRY = "flight.hal.registry-";
    private static final List<String> COMMON = List.of("org.osgi.util.function-", "org.osgi.util.promise-",
            "org.osgi.service.component-", "org.apache.felix.scr-", "org.apache.felix.configadmin-",
            "org.apache.felix.eventadmin-",
            "org.apache.aries.rsa.spi-", "org.apache.aries.rsa.core-", "org.apache.aries.rsa.topology-manager-",
            "org.apache.aries.rsa.discovery.config-");
    private static final Map<String, List<String>> PROVIDERS = Map.of(
            "tcp", List.of("org.apache.aries.rsa.provider.tcp-"),
            "fastbin", List.of("hawtbuf-", "hawtdispatch-", "org.apache.aries.rsa.provider.fastbin-"),
            "hal", List.of(HAL_REMOTE));

    private final Framework framework;

    /** Starts the framework; {@code beforeProvider} runs once Config Admin is up and before the provider starts. */
    ProbeFramework(String provider, Path storage, ProviderSetup beforeProvider) throws Exception {
        this(provider, storage, List.of(), beforeProvider);
    }

    /** As above, with the bundles {@code extra} (jar name prefixes) installed and started with the common ones. */
    ProbeFramework(String provider, Path storage, List<String> extra, ProviderSetup beforeProvider) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("org.osgi.framework.storage", storage.toString());
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        properties.put("org.osgi.framework.system.packages.extra",
                "flight.hal.remote.probe;version=1.0.0,org.slf4j;version=1.7.36,org.slf4j;version=2.0.17,"
                        // the HAL API from the class path, so the test and both frameworks share BlockDevice
                        + "flight.hal;version=" + API_VERSION + ",flight.hal.storage;version=" + STORAGE_VERSION
                        + ",flight.hal.registry;version=" + REGISTRY_VERSION + ",flight.hal.fleet;version="
                        + FLEET_VERSION);
        framework = new FrameworkFactory().newFramework(properties);
        framework.start();
        try {
            // all installed first: the topology manager needs a provider's distribution capability to resolve
            List<Bundle> common = install(COMMON);
            common.addAll(install(extra));
            List<Bundle> providers = install(PROVIDERS.get(provider));
            start(common);
            beforeProvider.setUp(this);
            start(providers);
        } catch (Exception e) {
            close(); // the framework's threads would keep the JVM alive
            throw e;
        }
    }

    /** What to configure before the provider starts (fastbin binds its server as soon as it starts). */
    interface ProviderSetup {
        void setUp(ProbeFramework framework) throws Exception;
    }

    private List<Bundle> install(List<String> prefixes) throws BundleException {
        List<Bundle> installed = new ArrayList<>();
        for (String prefix : prefixes) {
            File bundle = jarOnClassPath(prefix);
            installed.add(context().installBundle((bundle.isDirectory() ? "reference:" : "") + bundle.toURI()));
        }
        return installed;
    }

    private static void start(List<Bundle> bundles) throws BundleException {
        for (Bundle bundle : bundles) {
            bundle.start();
        }
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    boolean hasService(String interfaceName) throws Exception {
        return context().getAllServiceReferences(interfaceName, null) != null;
    }

    /** Calls {@code method} of the service {@code interfaceName} by reflection: its types live in the framework. */
    Object callService(String interfaceName, String method, Class<?>[] types, Object... args) throws Exception {
        // all references: the system bundle does not import these packages, so the assignable lookup hides them
        ServiceReference<?>[] references = context().getAllServiceReferences(interfaceName, null);
        if (references == null) {
            throw new IllegalStateException("no service " + interfaceName);
        }
        ServiceReference<?> reference = references[0];
        Object service = context().getService(reference);
        Method m = reference.getBundle().loadClass(interfaceName).getMethod(method, types);
        return m.invoke(service, args);
    }

    /** Creates a factory configuration of {@code factoryPid} with {@code properties}, bound to any bundle. */
    void createFactoryConfiguration(String factoryPid, Dictionary<String, Object> properties) throws Exception {
        Object configuration = callService("org.osgi.service.cm.ConfigurationAdmin", "createFactoryConfiguration",
                new Class<?>[] {String.class, String.class}, factoryPid, "?");
        configuration.getClass().getMethod("update", Dictionary.class).invoke(configuration, properties);
    }

    /** Sets the configuration {@code pid}, bound to any bundle. */
    void configure(String pid, Dictionary<String, Object> properties) throws Exception {
        Object configuration = callService("org.osgi.service.cm.ConfigurationAdmin", "getConfiguration",
                new Class<?>[] {String.class, String.class}, pid, "?");
        configuration.getClass().getMethod("update", Dictionary.class).invoke(configuration, properties);
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    /** A framework that imports: with the {@code hal} provider, configured with {@code secret}. */
    static ProbeFramework client(String provider, String secret) throws Exception {
        return client(provider, secret, List.of());
    }

    /** A framework that imports, with the bundles {@code extra} too. */
    static ProbeFramework client(String provider, String secret, List<String> extra) throws Exception {
        return new ProbeFramework(provider, Files.createTempDirectory("probe-client").resolve("felix"), extra, f -> {
            if (provider.equals("hal")) {
                f.configure("flight.hal.remote", halSettings(0, secret));
            }
        });
    }

    /**
     * Imports the node's {@link BlockProbe} through config discovery, from the endpoint properties the node printed;
     * waits at most 30 s for the topology manager to import it.
     */
    BlockProbe importBlocks(String provider, Map<String, String> endpoint) throws Exception {
        Dictionary<String, Object> config = new Hashtable<>(endpoint);
        config.put("service.imported.configs", ProbeNode.configType(provider));
        config.put("objectClass", BlockProbe.class.getName());
        config.put("osgi.basic.timeout", "5000");
        createFactoryConfiguration("org.apache.aries.rsa.discovery.config", config);
        ServiceTracker<BlockProbe, BlockProbe> tracker = new ServiceTracker<>(context(), BlockProbe.class, null);
        tracker.open();
        BlockProbe remote = tracker.waitForService(30_000);
        if (remote == null) {
            throw new IllegalStateException(provider + ": the endpoint was not imported within 30 s");
        }
        return remote;
    }

    /** The HAL provider's configuration: {@code secret}, listening on {@code port} of 127.0.0.1. */
    static Dictionary<String, Object> halSettings(int port, String secret) {
        Dictionary<String, Object> settings = new Hashtable<>();
        settings.put("secret", secret);
        settings.put("port", port);
        return settings;
    }

    private static File jarOnClassPath(String prefix) {
        if (prefix.equals(HAL_REMOTE)) {
            return new File("target/classes"); // bnd writes the manifest there before the tests
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            if (file.getName().startsWith(prefix) && file.getName().endsWith(".jar")) {
                return file;
            }
        }
        throw new IllegalStateException("no " + prefix + "*.jar on the class path");
    }

}
