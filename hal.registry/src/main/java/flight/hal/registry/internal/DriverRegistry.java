package flight.hal.registry.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.LiveObjects;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;
import flight.hal.registry.SelectionEvent;
import flight.hal.registry.SelectionListener;

/**
 * The driver registry: tracks every HAL driver service, keeps one {@link InterfaceSelection} per interface, and
 * answers the {@link HalRegistry} API. Configured through PID {@value #PID}: {@code pin.<interface>=<driver>},
 * {@code require.<interface>=<capability>,...}, {@code retiring.policy=keep|drop}, {@code lease.drain.timeout.ms} and
 * {@code initialize.timeout.ms} ({@link RegistrySettings}).
 */
@Designate(ocd = RegistryMetatype.class)
@Component(service = HalRegistry.class, configurationPid = DriverRegistry.PID, immediate = true)
public final class DriverRegistry implements HalRegistry, SelectionContext {
    static final String PID = "flight.hal.registry";
    private static final Logger LOG = LoggerFactory.getLogger(DriverRegistry.class);

    private final ConcurrentMap<String, InterfaceSelection> selections = new ConcurrentHashMap<>();
    private final SelectionNotifier notifier = new SelectionNotifier();
    private final ExecutorService workers = SerialWorker.newWorkerPool();
    private final ExecutorService driverCallers = DriverCalls.newCallerPool();
    private final DriverCalls calls = new DriverCalls(driverCallers);
    private volatile RegistrySettings settings;
    private BundleContext context;
    private ServiceTracker<Object, Candidate> tracker;

    @Activate
    void activate(BundleContext bundleContext, Map<String, Object> configuration) throws InvalidSyntaxException {
        context = bundleContext;
        configure(configuration);
        tracker = new ServiceTracker<>(bundleContext, bundleContext.createFilter(DriverTracker.FILTER),
                new DriverTracker(bundleContext, this::selection));
        tracker.open(true);
        LOG.info("HAL registry started with {} interface(s)", selections.size());
    }

    /** New configuration: pins and required capabilities are read again, replacing pins set at run time. */
    @Modified
    void modified(Map<String, Object> configuration) {
        configure(configuration);
        selections.values().forEach(InterfaceSelection::reconfigure);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        selections.values().forEach(InterfaceSelection::close);
        notifier.stop();
        workers.shutdown();
        driverCallers.shutdown();
    }

    private void configure(Map<String, Object> configuration) {
        settings = RegistrySettings.from(configuration, new Pins(configuration, context::getProperty));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSelectionListener(SelectionListener listener, Map<String, Object> properties) {
        notifier.add(listener, properties);
    }

    void removeSelectionListener(SelectionListener listener) {
        notifier.remove(listener);
    }

    private InterfaceSelection selection(String interfaceName) {
        return selections.computeIfAbsent(interfaceName, name -> new InterfaceSelection(name, this));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends HalDriver> DriverHandle<T> handle(Class<T> halInterface) {
        Objects.requireNonNull(halInterface, "halInterface");
        return (DriverHandle<T>) selection(halInterface.getName()).handle();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends HalDriver> DriverHandle<T> handle(Class<T> halInterface, Set<HalCapability> required) {
        Objects.requireNonNull(halInterface, "halInterface");
        Objects.requireNonNull(required, "required");
        return (DriverHandle<T>) selection(halInterface.getName()).handle(required);
    }

    @Override
    public List<InterfaceStatus> interfaces() {
        List<InterfaceSelection> sorted = new ArrayList<>(selections.values());
        sorted.sort(Comparator.comparing(selection -> selection.interfaceName));
        List<InterfaceStatus> statuses = new ArrayList<>(sorted.size());
        sorted.forEach(selection -> statuses.add(selection.status()));
        return statuses;
    }

    @Override
    public HalResult<List<InterfaceStatus>> awaitSelections(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            return HalResult.err(HalError.invalidParameter("awaitSelections needs a timeout of zero or more, was "
                    + timeout));
        }
        if (Thread.currentThread() instanceof SerialWorker.WorkerThread) {
            return HalResult.err(HalError.invalidState("awaitSelections was called on a registry selection thread,"
                    + " which would wait for its own work"));
        }
        CompletableFuture<?>[] work = selections.values().stream().map(InterfaceSelection::settled)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(work).get(saturatedNanos(timeout), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HalResult.err(HalError.timeout("interrupted while waiting for the registry's selections"));
        } catch (TimeoutException e) {
            return HalResult.err(HalError.timeout("the registry's selections were not done within "
                    + timeout.toMillis() + " ms"));
        } catch (ExecutionException e) {
            // a failed reselection is logged where it failed and shows in the statuses
        }
        return HalResult.ok(interfaces());
    }

    /** {@code timeout} in nanoseconds; one too long for a {@code long} (over 292 years) waits as long as one can. */
    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public Optional<InterfaceStatus> status(String interfaceName) {
        return find(interfaceName, false).asOptional().map(InterfaceSelection::status);
    }

    @Override
    public List<DriverDescription> drivers(String driverName) {
        List<DriverDescription> found = new ArrayList<>();
        for (InterfaceStatus status : interfaces()) {
            status.candidates().stream().filter(driver -> driver.name().equals(driverName)).forEach(found::add);
        }
        return found;
    }

    @Override
    public HalResult<Void> pin(String interfaceName, String driverName) {
        if (driverName == null || driverName.isBlank()) {
            return HalResult.err(HalError.invalidParameter("a pin needs a driver name"));
        }
        return find(interfaceName, true).map(selection -> {
            selection.pin(driverName.trim());
            return null;
        });
    }

    @Override
    public HalResult<Void> unpin(String interfaceName) {
        return find(interfaceName, false).flatMap(selection -> {
            if (selection.pin() == null) {
                return HalResult.err(HalError.notFound(selection.interfaceName + " is not pinned"));
            }
            selection.pin(null);
            return HalResult.ok();
        });
    }

    /**
     * The selection of an interface named by class name or unambiguous simple name. With {@code create}, a class
     * name nobody registered yet gets a selection, so it can be pinned before its drivers arrive.
     */
    private HalResult<InterfaceSelection> find(String name, boolean create) {
        if (name == null || name.isBlank()) {
            return HalResult.err(HalError.invalidParameter("an interface name is required"));
        }
        String wanted = name.trim();
        InterfaceSelection exact = selections.get(wanted);
        if (exact != null) {
            return HalResult.ok(exact);
        }
        List<InterfaceSelection> bySimpleName = selections.values().stream()
                .filter(selection -> selection.interfaceName.endsWith("." + wanted)).toList();
        if (bySimpleName.size() == 1) {
            return HalResult.ok(bySimpleName.get(0));
        }
        if (bySimpleName.size() > 1) {
            return HalResult.err(HalError.invalidParameter("'" + wanted + "' is ambiguous: "
                    + bySimpleName.stream().map(selection -> selection.interfaceName).sorted().toList()));
        }
        if (create && wanted.contains(".")) {
            return HalResult.ok(selection(wanted));
        }
        return HalResult.err(HalError.notFound("no HAL interface named '" + wanted + "'"
                + (create ? "; use the full class name for an interface that has no driver yet" : "")));
    }

    @Override
    public HalResult<LiveObjects> retire(String driverName, boolean force) {
        if (driverName == null || driverName.isBlank()) {
            return HalResult.err(HalError.invalidParameter("retiring needs a driver name"));
        }
        HalResult<LiveObjects> outcome = HalResult.err(HalError.notFound("no driver named '" + driverName.trim()
                + "' is retiring"));
        for (InterfaceSelection selection : selections.values()) {
            HalResult<LiveObjects> retired = selection.retire(driverName.trim(), force);
            if (retired.isOk() || !ErrorCategory.NOT_FOUND.equals(retired.errorOrNull().category())) {
                return retired;
            }
        }
        return outcome;
    }

    @Override
    public ServiceRegistration<?> republish(String interfaceName, Candidate selected) {
        try {
            return context.registerService(new String[] {interfaceName}, selected.driver,
                    Descriptions.republishedProperties(interfaceName, selected));
        } catch (RuntimeException e) {
            LOG.error("{}: could not publish driver '{}' as the selected one", interfaceName, selected.name(), e);
            return null;
        }
    }

    @Override
    public void announce(SelectionEvent event) {
        notifier.announce(event);
    }

    @Override
    public RegistrySettings settings() {
        return settings;
    }

    @Override
    public DriverCalls calls() {
        return calls;
    }

    @Override
    public Executor workers() {
        return workers;
    }
}
