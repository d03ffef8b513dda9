package flight.hal.jmx.internal;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalDriver;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;
import flight.hal.registry.SelectionEvent;
import flight.hal.registry.SelectionListener;
import flight.hal.resources.PoolStats;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceType;
import flight.hal.storage.BlockDevice;

/**
 * Keeps the {@code flight.hal:} MBeans on the platform MBean server in line with the HAL: one per interface that has
 * candidates, per resource type's budget and per pool (while this bundle holds the resource administration), and per
 * block device. Interfaces, pools and devices come and go without telling JMX, so the set is reconciled on its own
 * thread every {@value #REFRESH_MS} ms, and at once on every selection change; the MBeans themselves read the HAL at
 * every call. Everything registered is unregistered on deactivation.
 *
 * <p>It registers its selection listener itself once active: as a component service the listener would be got by
 * the registry while the registry activates, and this component needs the registry, a cycle.
 */
@Component(service = {}, immediate = true)
public final class HalMBeanPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(HalMBeanPublisher.class);
    static final long REFRESH_MS = 1000;
    private static final long STOP_TIMEOUT_MS = 5000;

    @Reference
    HalRegistry registry;

    /** Granted only when this bundle is in {@code admin.bundles} of PID {@code flight.hal.resources}. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ResourceAdministration administration;

    /** Every block device, by its registration's properties; not the registry's republication of a selected one. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + HalDriver.SELECTED_PROPERTY + "=*))")
    volatile List<Map.Entry<Map<String, Object>, BlockDevice>> devices = List.of();

    private MBeanSet mbeans;
    private ScheduledExecutorService refresher;
    private ServiceRegistration<SelectionListener> selections;

    @Activate
    void activate(BundleContext context) {
        open(ManagementFactory.getPlatformMBeanServer());
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hal-jmx");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshLogged, 0, REFRESH_MS, TimeUnit.MILLISECONDS);
        selections = context.registerService(SelectionListener.class, this::selectionChanged, null);
    }

    /** Publishes on {@code server}; {@link #refresh()} does the work. */
    void open(MBeanServer server) {
        mbeans = new MBeanSet(server);
    }

    @Deactivate
    void deactivate() {
        selections.unregister();
        refresher.shutdownNow();
        try {
            if (!refresher.awaitTermination(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                LOG.warn("the JMX refresh did not end within {} ms (a HAL call hangs); unregistering anyway",
                        STOP_TIMEOUT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            mbeans.clear();
        }
    }

    /** A selection changed: an interface may have got its first or lost its last candidate. */
    private void selectionChanged(SelectionEvent event) {
        try {
            refresher.execute(this::refreshLogged);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("selection change of {} after deactivation: no refresh", event.interfaceName());
        }
    }

    /** On the refresher: a failure is logged and the next round tries again. */
    private void refreshLogged() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("could not bring the flight.hal MBeans up to date", e);
        }
    }

    /** Registers the MBeans now wanted and unregisters the others. One thread at a time. */
    void refresh() {
        mbeans.reconcile(wanted());
    }

    private Map<ObjectName, Supplier<Object>> wanted() {
        Map<ObjectName, Supplier<Object>> wanted = new LinkedHashMap<>();
        HalRegistry halRegistry = registry;
        for (InterfaceStatus status : halRegistry.interfaces()) {
            if (!status.candidates().isEmpty()) {
                wanted.put(ObjectNames.halInterface(status.interfaceName()),
                        () -> new HalInterfaceBean(status.interfaceName(), halRegistry));
            }
        }
        ResourceAdministration granted = administration;
        if (granted != null) {
            Supplier<ResourceAdministration> current = () -> administration;
            for (ResourceType type : ResourceType.values()) {
                wanted.put(ObjectNames.budget(type), () -> new BudgetBean(type, current));
            }
            for (PoolStats pool : pools(granted)) {
                wanted.putIfAbsent(ObjectNames.pool(pool), () -> new PoolBean(pool, current));
            }
        }
        for (Map.Entry<Map<String, Object>, BlockDevice> device : devices) {
            if (device.getKey().get(HalDriver.NAME_PROPERTY) instanceof String name) {
                wanted.putIfAbsent(ObjectNames.blockDevice(name),
                        () -> new BlockDeviceBean(device.getValue(), name, halRegistry));
            }
        }
        return wanted;
    }

    /** Every pool; none from an administration revoked since it was bound (its replacement comes next). */
    private static List<PoolStats> pools(ResourceAdministration granted) {
        try {
            return granted.allPools();
        } catch (IllegalStateException revoked) {
            LOG.debug("the resource administration was revoked: {}", revoked.getMessage());
            return List.of();
        }
    }
}
