package flight.hal.resources.internal;

import java.lang.ref.Cleaner;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.OwnerStats;
import flight.hal.resources.PoolStats;
import flight.hal.resources.PressureListener;
import flight.hal.resources.Reclaimer;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceHandle;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourceRef;
import flight.hal.resources.ResourceType;

/**
 * The accounting every bundle's {@link ResourceManager} shares: budgets, the accounts of types and bundles, shares,
 * leaks, the reclaimer and pressure listener whiteboards, and the events of pressure changes and leaks. Configured
 * through PID {@value ResourceManager#PID} ({@link ResourcesConfig}).
 */
@Designate(ocd = ResourcesMetatype.class)
@Component(service = ResourceAccounting.class, configurationPid = ResourceManager.PID)
public final class ResourceAccounting {
    /** Where pressure changes and leaks are posted ({@link flight.hal.resources.ResourceEvents}), while it runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;
    final ManagerEvents events = new ManagerEvents(() -> eventAdmin);
    final PressureNotifier pressure = new PressureNotifier(events);
    final Reclaimers reclaimers = new Reclaimers();
    final LeakLog leaks = new LeakLog(events);
    final Ledger ledger = new Ledger(reclaimers, pressure);
    final Budgets budgets = new Budgets(ledger);
    final ShareRegistry shares = new ShareRegistry();
    private final AtomicLong ids = new AtomicLong();
    private final Cleaner cleaner = Cleaner.create(task -> {
        Thread thread = new Thread(task, "hal-resource-leaks");
        thread.setDaemon(true);
        return thread;
    });
    private volatile LeakTracking tracking = LeakTracking.DEFAULT;

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        ResourcesConfig config = ResourcesConfig.from(properties);
        tracking = config.leakTracking();
        budgets.configure(config);
    }

    @Deactivate
    void deactivate() {
        pressure.stop();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReclaimer(Reclaimer reclaimer, Map<String, Object> properties) {
        reclaimers.add(reclaimer, properties);
    }

    void removeReclaimer(Reclaimer reclaimer) {
        reclaimers.remove(reclaimer);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPressureListener(PressureListener listener, Map<String, Object> properties) {
        pressure.add(listener, properties);
    }

    void removePressureListener(PressureListener listener) {
        pressure.remove(listener);
    }

    /** A new account for a bundle that got the manager. */
    BundleAccount open(long bundleId, String symbolicName) {
        BundleAccount account = new BundleAccount(bundleId, symbolicName);
        budgets.open(account);
        return account;
    }

    /**
     * Closes a bundle's account: its waits end, its shares are revoked, its pools closed and whatever it still holds
     * released and reported as leaks. Nothing it held stays accounted.
     */
    void close(BundleAccount account) {
        if (!account.close()) {
            return;
        }
        ledger.remove(account);
        shares.revokeAll(account);
        account.pools.values().forEach(pool -> pool.shutDown(ResourceLeak.Cause.OWNER_STOPPED));
        account.resources.values()
                .forEach(resource -> resource.releaseAsLeak(leaks, ResourceLeak.Cause.OWNER_STOPPED));
    }

    /** Reserves, makes the value, and hands out the owner's ref. A factory that throws leaves nothing reserved. */
    <T> HalResult<ResourceRef<T>> acquire(BundleAccount owner, String name, ResourceMetadata metadata,
                                          Supplier<? extends T> factory, AcquisitionMode mode) {
        HalResult<Void> reserved = ledger.reserve(owner, name, metadata, mode);
        if (reserved.isErr()) {
            return HalResult.err(reserved.errorOrNull());
        }
        T value;
        try {
            value = factory.get();
        } catch (RuntimeException | Error e) {
            ledger.release(owner, metadata.type(), metadata.sizeBytes());
            throw e;
        }
        ResourceHandle handle = new ResourceHandle(nextId(), name, metadata, owner.bundleId, owner.symbolicName);
        Resource resource = new Resource(handle, value, owner, tracking.sample(), ledger);
        owner.resources.put(handle.id(), resource);
        Ref<T> ref = new Ref<>(resource, cleaner, leaks);
        if (owner.isClosed()) {
            ref.close();
            return HalResult.err(closed(owner));
        }
        return HalResult.ok(ref);
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    List<OwnerStats> statsByOwner(ResourceType type) {
        TypeAccount account = ledger.type(type);
        return ledger.bundles().stream().sorted(Comparator.comparingLong(bundle -> bundle.bundleId))
                .map(bundle -> bundle.stats(account)).toList();
    }

    List<PoolStats> allPools() {
        return ledger.bundles().stream().flatMap(bundle -> bundle.pools.values().stream())
                .map(BlockPool::stats)
                .sorted(Comparator.comparingLong(PoolStats::ownerBundleId).thenComparing(PoolStats::name))
                .toList();
    }

    static HalError closed(BundleAccount owner) {
        return new HalError(ErrorCategory.INVALID_STATE, ResourceErrors.MANAGER_CLOSED,
                "the resource manager of bundle " + owner
                + " was released (the bundle stopped or ungot the service); get the service again");
    }
}
