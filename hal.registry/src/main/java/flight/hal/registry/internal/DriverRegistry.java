package flight.hal.registry.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

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
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;
import flight.hal.registry.SelectionEvent;
import flight.hal.registry.SelectionListener;

/**
 * The driver registry: tracks every HAL driver service, keeps one {@link InterfaceSelection} per interface, and
 * answers the {@link HalRegistry} API. Configured through PID {@value #PID}: {@code pin.<interface>=<driver>} and
 * {@code lease.drain.timeout.ms}.
 */
@Component(service = HalRegistry.class, configurationPid = DriverRegistry.PID, immediate = true)
public final class DriverRegistry implements HalRegistry, SelectionContext {
    static final String PID = "flight.hal.registry";
    static final String DRAIN_TIMEOUT_PROPERTY = "lease.drain.timeout.ms";
    static final long DEFAULT_DRAIN_TIMEOUT_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(DriverRegistry.class);

    private final ConcurrentMap<String, InterfaceSelection> selections = new ConcurrentHashMap<>();
    private final SelectionNotifier notifier = new SelectionNotifier();
    private volatile Pins pins;
    private volatile long drainTimeoutNanos;
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

    /** New configuration: pins are re-read from it (and the framework properties), replacing pins set at run time. */
    @Modified
    void modified(Map<String, Object> configuration) {
        configure(configuration);
        selections.values().forEach(selection -> selection.pin(pins.pinFor(selection.interfaceName)));
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        selections.values().forEach(InterfaceSelection::close);
        notifier.stop();
    }

    private void configure(Map<String, Object> configuration) {
        pins = new Pins(configuration, context::getProperty);
        drainTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(drainTimeoutMillis(configuration.get(DRAIN_TIMEOUT_PROPERTY)));
    }

    /** The configured drain timeout; a missing, malformed or negative value is logged and replaced by the default. */
    static long drainTimeoutMillis(Object configured) {
        if (configured == null) {
            return DEFAULT_DRAIN_TIMEOUT_MS;
        }
        try {
            long millis = Long.parseLong(configured.toString().trim());
            if (millis >= 0) {
                return millis;
            }
        } catch (NumberFormatException malformed) {
            // reported below
        }
        LOG.warn("{}={} is not a number of milliseconds >= 0; using {}", DRAIN_TIMEOUT_PROPERTY, configured,
                DEFAULT_DRAIN_TIMEOUT_MS);
        return DEFAULT_DRAIN_TIMEOUT_MS;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSelectionListener(SelectionListener listener, Map<String, Object> properties) {
        notifier.add(listener, properties);
    }

    void removeSelectionListener(SelectionListener listener) {
        notifier.remove(listener);
    }

    private InterfaceSelection selection(String interfaceName) {
        return selections.computeIfAbsent(interfaceName,
                name -> new InterfaceSelection(name, this, pins.pinFor(name)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends HalDriver> DriverHandle<T> handle(Class<T> halInterface) {
        return (DriverHandle<T>) selection(halInterface.getName()).handle();
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
    public long drainTimeoutNanos() {
        return drainTimeoutNanos;
    }
}
