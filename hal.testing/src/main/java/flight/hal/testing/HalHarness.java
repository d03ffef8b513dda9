package flight.hal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import flight.hal.HalDriver;
import flight.hal.HalResult;
import flight.hal.compliance.ComplianceKit;
import flight.hal.compliance.ComplianceReport;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;
import flight.hal.registry.SelectionEvent;
import flight.hal.registry.SelectionListener;

/**
 * Drives the HAL runtime from a test inside the framework ({@link HalRuntime} provisions it): waits for selections,
 * swaps drivers out and in, pins them, injects faults and asserts compliance. Every wait ends after the timeout with an
 * {@link AssertionError} saying what the registry shows; none sleeps. Close it at the end of the test.
 *
 * <pre>{@code
 * @Inject BundleContext context;
 *
 * @Test public void myDriverIsSelected() throws Exception {
 *     try (HalHarness hal = new HalHarness(context)) {
 *         hal.awaitSelected(MemoryDriver.class, "my.memory");
 *         hal.assertCompliant("my.memory");
 *     }
 * }
 * }</pre>
 */
public final class HalHarness implements AutoCloseable {
    /** How long a wait lasts unless the harness was made with another timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final BundleContext context;
    private final Duration timeout;
    private final BlockingQueue<SelectionEvent> selections = new LinkedBlockingQueue<>();
    private final ServiceRegistration<SelectionListener> listener;
    private final Map<String, ServiceTracker<Object, Object>> trackers = new ConcurrentHashMap<>();

    public HalHarness(BundleContext context) {
        this(context, DEFAULT_TIMEOUT);
    }

    public HalHarness(BundleContext context, Duration timeout) {
        this.context = Objects.requireNonNull(context, "context");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.listener = context.registerService(SelectionListener.class, selections::add, null);
    }

    /** The registry, once it is registered. */
    public HalRegistry registry() {
        return service(HalRegistry.class);
    }

    /** Waits until the selections reflect every driver registered so far; returns them. */
    public List<InterfaceStatus> awaitSelections() {
        return orFail(registry().awaitSelections(timeout), "the selections did not settle");
    }

    /** Waits until {@code driverName} (null: no driver) is the selected driver of {@code halInterface}. */
    public void awaitSelected(Class<? extends HalDriver> halInterface, String driverName) throws InterruptedException {
        HalRegistry registry = registry();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Objects.equals(driverName, selected(registry, halInterface))) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new AssertionError(halInterface.getName() + ": '" + selected(registry, halInterface)
                        + "' is selected, not '" + driverName + "': " + registry.status(halInterface.getName()));
            }
            selections.poll(remaining, TimeUnit.NANOSECONDS);
        }
    }

    /** The selected driver of {@code halInterface}, or null. */
    public String selected(Class<? extends HalDriver> halInterface) {
        return selected(registry(), halInterface);
    }

    private static String selected(HalRegistry registry, Class<? extends HalDriver> halInterface) {
        return registry.status(halInterface.getName()).map(InterfaceStatus::selected).orElse(null);
    }

    /** Stops the bundle {@code symbolicName} (its drivers leave the registry) and waits for the new selections. */
    public Bundle swapOut(String symbolicName) throws BundleException {
        Bundle bundle = bundle(symbolicName);
        bundle.stop();
        awaitSelections();
        return bundle;
    }

    /** Starts the bundle {@code symbolicName} (its drivers join the registry) and waits for the new selections. */
    public Bundle swapIn(String symbolicName) throws BundleException {
        Bundle bundle = bundle(symbolicName);
        bundle.start();
        awaitSelections();
        return bundle;
    }

    /** Pins {@code driverName} for {@code halInterface} and waits until it is selected. */
    public void pin(Class<? extends HalDriver> halInterface, String driverName) throws InterruptedException {
        orFail(registry().pin(halInterface.getName(), driverName), "cannot pin " + driverName);
        awaitSelected(halInterface, driverName);
    }

    /** Unpins {@code halInterface}, back to selection by ranking, and waits for the selections. */
    public void unpin(Class<? extends HalDriver> halInterface) {
        orFail(registry().unpin(halInterface.getName()), "cannot unpin " + halInterface.getName());
        awaitSelections();
    }

    /**
     * Registers a fault-injecting memory driver with {@code faults} and waits until the registry knows it. Closing
     * the returned configuration's holder removes the driver.
     */
    public InjectedFaults injectFaults(MemoryFaults faults) {
        try {
            Configuration configuration = service(ConfigurationAdmin.class)
                    .getFactoryConfiguration(MemoryFaults.FACTORY_PID, faults.name(), "?");
            configuration.update(faults.properties());
            awaitDriver(faults.name());
            awaitSelections();
            return new InjectedFaults(configuration, this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the compliance kit on every driver named {@code driverName}; fails with the kit's report when one is not
     * compliant, or with the kit's error when it could not check.
     */
    public List<ComplianceReport> assertCompliant(String driverName) {
        List<ComplianceReport> reports = orFail(service(ComplianceKit.class).check(driverName),
                "the compliance kit could not check " + driverName);
        if (!reports.stream().allMatch(ComplianceReport::compliant)) {
            throw new AssertionError(reports.stream().map(ComplianceReport::text).collect(Collectors.joining()));
        }
        return reports;
    }

    /** Waits until a driver named {@code driverName} is registered. */
    public void awaitDriver(String driverName) {
        await("(" + HalDriver.NAME_PROPERTY + "=" + driverName + ")");
    }

    /** Waits until no driver named {@code driverName} is registered, then for the selections. */
    void awaitGone(String driverName) throws InterruptedException {
        String filter = "(" + HalDriver.NAME_PROPERTY + "=" + driverName + ")";
        BlockingQueue<ServiceEvent> changes = new LinkedBlockingQueue<>();
        ServiceListener changed = changes::add;
        try {
            context.addServiceListener(changed, filter);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (context.getServiceReferences((String) null, filter) != null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("driver " + driverName + " is still registered after " + timeout);
                }
                changes.poll(remaining, TimeUnit.NANOSECONDS);
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        } finally {
            context.removeServiceListener(changed);
        }
        awaitSelections();
    }

    /** The service of {@code type}, waiting for it. */
    public <S> S service(Class<S> type) {
        return type.cast(await("(objectClass=" + type.getName() + ")"));
    }

    /**
     * Waits for a service matching {@code filter}. Its tracker stays open until {@link #close()}, so that the service
     * stays got while the test uses it (Config Admin's, for one, is invalid once ungot).
     */
    private Object await(String filter) {
        ServiceTracker<Object, Object> tracker = trackers.computeIfAbsent(filter, this::track);
        try {
            Object service = tracker.waitForService(timeout.toMillis());
            if (service == null) {
                throw new AssertionError("no service matching " + filter + " after " + timeout);
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + filter, e);
        }
    }

    private ServiceTracker<Object, Object> track(String filter) {
        try {
            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
            tracker.open(true);
            return tracker;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " is installed");
    }

    private static <T> T orFail(HalResult<T> result, String what) {
        if (result.isErr()) {
            throw new AssertionError(what + ": " + result.errorOrNull());
        }
        return result.valueOrNull();
    }

    @Override
    public void close() {
        listener.unregister();
        trackers.values().forEach(ServiceTracker::close);
    }
}
