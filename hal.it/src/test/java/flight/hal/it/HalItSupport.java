package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Before;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import flight.hal.memory.MemoryDriver;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.SelectionEvent;
import flight.hal.registry.SelectionListener;

/** The framework every integration test runs in, and waiting for selections without sleeping. */
public abstract class HalItSupport {
    static final String MEMORY = MemoryDriver.class.getName();
    static final String HOST = "host.memory";
    static final String TEST = "test.memory";
    static final long TIMEOUT_SECONDS = 20;
    static final String TESTING_DRIVERS = "flight.hal.driver.testing";
    static final String DREAMCAST_DRIVERS = "flight.hal.driver.dreamcast";
    static final String PSP_DRIVERS = "flight.hal.driver.psp";
    static final String WEB_DRIVERS = "flight.hal.driver.web";

    @Inject
    protected BundleContext context;

    @Inject
    protected HalRegistry registry;

    /** Every selection change, in order; the waits below use it to wake up, never to decide. */
    protected final BlockingQueue<SelectionEvent> selections = new LinkedBlockingQueue<>();
    private ServiceRegistration<SelectionListener> listener;

    /**
     * The runtime of run.bndrun, read once, on first use: where a test's configuration is made, outside the
     * framework (bnd, which reads it, is not in the framework; the test classes are).
     */
    private static final class Runtime {
        static final RuntimeBundles BUNDLES = RuntimeBundles.fromBuild();
    }

    /**
     * Run bundles a test adds itself when it needs them ({@link #ourBundle}, {@link #deployFolder}), and the
     * interactive shell, which a test has no terminal for.
     */
    private static final Set<String> NOT_IN_EVERY_TEST = Set.of(
            "flight.hal.resources", "flight.hal.driver.platform", "flight.hal.driver.storage", "flight.hal.compliance",
            "org.apache.felix.fileinstall", "flight.hal.defaults", "flight.hal.upgrade",
            "org.apache.felix.gogo.command", "org.apache.felix.gogo.jline", "org.jline",
            // the Web Console and its HTTP server, which would listen on a port: the console tests add them
            "flight.hal.console", "org.apache.felix.webconsole", "org.apache.felix.webconsole.plugins.ds",
            "org.apache.felix.http.jetty12", "org.apache.felix.http.servlet-api", "org.apache.felix.inventory",
            "org.apache.commons.commons-fileupload", "org.apache.commons.commons-io", "org.owasp.encoder",
            "org.apache.felix.healthcheck.webconsoleplugin",
            // management: the JMX MBeans, the health checks and Felix Health Checks (which need the HTTP server)
            "flight.hal.jmx", "flight.hal.health", "org.apache.felix.healthcheck.core",
            "org.apache.felix.healthcheck.generalchecks",
            // Remote Services: Aries RSA and the HAL's provider, which the remote test adds
            "flight.hal.remote", "org.apache.aries.rsa.core", "org.apache.aries.rsa.spi",
            "org.apache.aries.rsa.topology-manager", "org.apache.aries.rsa.discovery.config");

    /**
     * The runtime of run.bndrun at its start levels (Felix with SCR, Config Admin, Event Admin, the Gogo runtime,
     * SLF4J through SPI Fly, the HAL), but for the bundles not in every test.
     */
    static Option halFramework() {
        return composite(
                cleanCaches(),
                systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("info"),
                frameworkStartLevel(Runtime.BUNDLES.highestStartLevel()),
                composite(Runtime.BUNDLES.allBut(NOT_IN_EVERY_TEST)),
                junitBundles());
    }

    /** The framework property that sets the HTTP port, read back by the tests that talk to it. */
    static final String HTTP_PORT = "org.osgi.service.http.port";

    /**
     * Felix HTTP on Jetty 12 with what it requires, listening on 127.0.0.1 at a port free when the test starts (the
     * exported runtime has them; the tests that serve HTTP add them, so no other test listens).
     */
    static Option httpServer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return composite(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"),
                frameworkProperty(HTTP_PORT).value(Integer.toString(port)),
                ourBundle("org.apache.felix.http.servlet-api"),
                ourBundle("org.apache.commons.commons-io"),
                ourBundle("org.apache.commons.commons-fileupload"),
                ourBundle("org.apache.felix.http.jetty12"));
    }

    /** Waits for a service matching {@code filter} (of any bundle, any class space) and returns it. */
    protected Object awaitService(String filter) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
        tracker.open(true);
        try {
            Object service = tracker.waitForService(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            assertNotNull("a service matching " + filter, service);
            return service;
        } finally {
            tracker.close();
        }
    }

    /** Runs a Gogo command; returns what it printed and what it returned. */
    static String runCommand(CommandProcessor shell, String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (CommandSession session = shell.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            Object result = session.execute(command);
            return out.toString(StandardCharsets.UTF_8) + (result == null ? "" : result.toString());
        }
    }

    /**
     * FileInstall watching the folder {@code name} below the work directory, emptied first; tests find its path in
     * the framework property {@code hal.it.deploy}.
     */
    static Option deployFolder(String name) throws IOException {
        Path deploy = Files.createDirectories(Paths.get(System.getProperty("hal.it.work"), name));
        try (var stale = Files.list(deploy)) {
            for (Path jar : stale.toList()) {
                Files.delete(jar);
            }
        }
        return composite(
                frameworkProperty("felix.fileinstall.dir").value(deploy.toString()),
                frameworkProperty("felix.fileinstall.poll").value("100"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("hal.it.deploy").value(deploy.toString()),
                ourBundle("org.apache.felix.fileinstall"));
    }

    /** A run bundle a test adds to {@link #halFramework()}, by symbolic name, at its start level. */
    static Option ourBundle(String symbolicName) {
        return Runtime.BUNDLES.runBundle(symbolicName);
    }

    /** A bundle of drivers the runtime does not run (the profiles', the tests'), by symbolic name. */
    static Option driverBundle(String symbolicName) {
        return bundle(bundleUrl(symbolicName));
    }

    /** The file: URL of a bundle hal.it depends on, by symbolic name: built by the reactor before this module. */
    static String bundleUrl(String symbolicName) {
        return BundleJars.fromBuild().url(symbolicName);
    }

    /** The jar of a bundle hal.it depends on, by symbolic name. */
    static Path bundleJar(String symbolicName) {
        return BundleJars.fromBuild().jar(symbolicName);
    }

    @Before
    public void listenToSelections() {
        Dictionary<String, Object> properties = new Hashtable<>();
        listener = context.registerService(SelectionListener.class, selections::add, properties);
    }

    @After
    public void stopListening() {
        listener.unregister();
    }

    /** Installs and starts the test-driver bundle, whose "test.memory" outranks the host driver. */
    protected Bundle installTestDrivers() throws Exception {
        Bundle drivers = context.installBundle(bundleUrl(TESTING_DRIVERS));
        drivers.start();
        return drivers;
    }

    /** Waits until {@code driver} (or no driver, for null) is the selected driver of the memory interface. */
    protected void awaitSelected(String driver) throws InterruptedException {
        awaitSelected(MEMORY, driver);
    }

    /** Waits until {@code driver} (or no driver, for null) is the selected driver of {@code interfaceName}. */
    protected void awaitSelected(String interfaceName, String driver) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!Objects.equals(driver, selectedDriver(interfaceName))) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                fail(interfaceName + " driver still '" + selectedDriver(interfaceName) + "', expected '" + driver
                        + "': " + registry.status(interfaceName));
            }
            selections.poll(remaining, TimeUnit.NANOSECONDS);
        }
        assertEquals(driver, selectedDriver(interfaceName));
    }

    /** Consumes the queued selection events up to and including the next one that selects {@code driver}. */
    protected void consumeEventsThroughSelectionOf(String driver) throws InterruptedException {
        SelectionEvent event;
        do {
            event = selections.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (event == null) {
                fail("no selection event for '" + driver + "'");
            }
        } while (!Objects.equals(driver, event.selected()));
    }

    /**
     * Waits until {@code condition} holds, for what no selection event announces (a candidate's state, a role's
     * selection): checks it again every millisecond; fails with {@code whatIsWrong} after the timeout.
     */
    protected static void awaitUntil(BooleanSupplier condition, Supplier<String> whatIsWrong) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("after " + TIMEOUT_SECONDS + " s: " + whatIsWrong.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Waits until the memory candidate named {@code driver} is in {@code state}; returns it as seen then. */
    protected DriverDescription awaitMemoryCandidate(String driver, DriverState state) {
        AtomicReference<DriverDescription> seen = new AtomicReference<>();
        awaitUntil(() -> {
            seen.set(memoryCandidate(driver).orElse(null));
            return seen.get() != null && seen.get().state() == state;
        }, () -> "memory driver '" + driver + "' is not " + state + ": " + registry.status(MEMORY));
        return seen.get();
    }

    /** The memory candidate named {@code driver}, if it is registered. */
    protected Optional<DriverDescription> memoryCandidate(String driver) {
        return registry.status(MEMORY).stream().flatMap(status -> status.candidates().stream())
                .filter(candidate -> candidate.name().equals(driver)).findFirst();
    }

    protected String selectedMemoryDriver() {
        return selectedDriver(MEMORY);
    }

    protected String selectedDriver(String interfaceName) {
        return registry.status(interfaceName).map(status -> status.selected()).orElse(null);
    }
}
