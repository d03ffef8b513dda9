package flight.hal.resources.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import flight.hal.HalResult;
import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.PressureListener;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourcePriority;
import flight.hal.resources.ResourceType;

/**
 * The accounts of every resource type and every bundle, and the way an acquisition gets its bytes: a reservation
 * must fit the bundle's own budget and the type's; what does not fit asks the reclaimers, then fails, waits or goes
 * over as its mode says.
 *
 * <p>The path every acquisition takes costs two compare-and-sets (the bundle's counter, then the type's, each against
 * its limit, so neither limit is ever crossed), two subtractions on release, counts kept per thread, and one
 * comparison of the type's new usage with the bounds of its pressure level. What the stats show while calls are in
 * flight is said in {@link BudgetCounter}: usage exact, counts possibly behind until the calls return.
 */
final class Ledger {
    private static final Duration LONGEST_WAIT = Duration.ofNanos(Long.MAX_VALUE);
    /** What {@link #reserveWithin} returns when the bundle's budget refused; usages are never negative. */
    private static final long BUNDLE_REFUSED = -1;
    /** What {@link #reserveWithin} returns when the type's budget refused. */
    private static final long TYPE_REFUSED = -2;
    /** By the type's ordinal: the path every acquisition takes indexes an array rather than asking a map. */
    private final TypeAccount[] types = new TypeAccount[ResourceType.values().length];
    private final ConcurrentMap<Long, BundleAccount> bundles = new ConcurrentHashMap<>();
    private final Reclaimers reclaimers;

    Ledger(Reclaimers reclaimers, PressureListener pressureChanges) {
        this.reclaimers = reclaimers;
        for (ResourceType type : ResourceType.values()) {
            types[type.ordinal()] = new TypeAccount(type, pressureChanges);
        }
    }

    TypeAccount type(ResourceType type) {
        return types[type.ordinal()];
    }

    Collection<TypeAccount> types() {
        return List.of(types);
    }

    void add(BundleAccount account) {
        bundles.put(account.bundleId, account);
    }

    /** Forgets a closed account and ends the waits of its acquisitions. */
    void remove(BundleAccount account) {
        bundles.remove(account.bundleId, account);
        types().forEach(type -> type.waiters.cancel(account));
    }

    Collection<BundleAccount> bundles() {
        return bundles.values();
    }

    /** Reserves {@code metadata}'s bytes for {@code owner}, as {@code mode} says. */
    HalResult<Void> reserve(BundleAccount owner, String name, ResourceMetadata metadata, AcquisitionMode mode) {
        TypeAccount account = type(metadata.type());
        long bytes = metadata.sizeBytes();
        ResourcePriority priority = metadata.priority();
        long used = mode.kind() == AcquisitionMode.Kind.EMERGENCY
                ? forceReserve(owner, account, bytes, priority)
                : reserveWithinLimits(owner, account, bytes, priority);
        if (used >= 0) {
            return committed(owner, account, used);
        }
        return refused(owner, name, account, bytes, priority, mode, refusal(used));
    }

    /**
     * What follows a first refusal: fail, ask the reclaimers and retry, then fail or wait as {@code mode} says. Apart
     * from {@link #reserve} so the path every acquisition takes stays small enough to be compiled inline.
     */
    private HalResult<Void> refused(BundleAccount owner, String name, TypeAccount account, long bytes,
                                    ResourcePriority priority, AcquisitionMode mode, Refusal first) {
        Refusal refusal = first;
        if (mode.kind() == AcquisitionMode.Kind.EMERGENCY || !fitsWhenEmpty(owner, account, bytes, priority)) {
            return HalResult.err(AcquisitionErrors.budgetExceeded(refusal, owner, account, name, bytes, priority));
        }
        reclaimers.reclaim(account.type, missing(refusal, owner, account, bytes, priority));
        long used = reserveWithinLimits(owner, account, bytes, priority);
        if (used >= 0) {
            return committed(owner, account, used);
        }
        refusal = refusal(used);
        if (mode.kind() == AcquisitionMode.Kind.NON_BLOCKING) {
            return HalResult.err(AcquisitionErrors.budgetExceeded(refusal, owner, account, name, bytes, priority));
        }
        long timeoutNanos = mode.kind() == AcquisitionMode.Kind.TIMEOUT ? nanos(mode.timeout()) : -1;
        Waiter waiter = new Waiter(owner, bytes, priority);
        Waiter.State state = account.waiters.await(waiter, grantor(account), timeoutNanos);
        return switch (state) {
            case GRANTED -> committed(owner, account, account.usage.current());
            case TIMED_OUT -> HalResult.err(AcquisitionErrors.timedOut(owner, account, name, bytes, priority,
                    timeoutNanos, blame(owner, account, bytes, priority)));
            default -> HalResult.err(AcquisitionErrors.cancelled(owner, account, name, bytes, state));
        };
    }

    /** {@code timeout} in nanoseconds; one too long for a {@code long} (over 292 years) waits as long as one can. */
    private static long nanos(Duration timeout) {
        return timeout.compareTo(LONGEST_WAIT) >= 0 ? Long.MAX_VALUE : timeout.toNanos();
    }

    /**
     * Gives {@code bytes} of {@code type} held by {@code owner} back, and lets waiting acquisitions have them. The
     * bundle's counter goes down before the type's, so a bundle's usage never shows more than its type's.
     */
    void release(BundleAccount owner, ResourceType type, long bytes) {
        TypeAccount account = type(type);
        BudgetCounter own = owner.usage(type);
        own.subtract(bytes);
        own.countRelease();
        long used = account.usage.subtract(bytes);
        account.usage.countRelease();
        account.usageChanged(used);
        if (account.waiters.waiting() > 0) {
            account.waiters.drain(grantor(account));
        }
    }

    /** Retries every waiting acquisition: budgets changed. */
    void retryWaiters() {
        types().forEach(account -> account.waiters.drain(grantor(account)));
    }

    private WaitQueue.Grantor grantor(TypeAccount account) {
        return waiter -> {
            long used = reserveWithinLimits(waiter.owner, account, waiter.bytes, waiter.priority);
            return used >= 0 ? null : refusal(used);
        };
    }

    private static Refusal refusal(long refused) {
        return refused == BUNDLE_REFUSED ? Refusal.BUNDLE : Refusal.TYPE;
    }

    /** Reserves against the bundle's budget, then the type's; the type's usage after, or which budget refused. */
    private static long reserveWithinLimits(BundleAccount owner, TypeAccount account, long bytes,
                                            ResourcePriority priority) {
        long ownLimit = owner.limitFor(account.type, priority);
        long typeLimit = account.limitFor(priority);
        return reserveWithin(owner, account, bytes, ownLimit, typeLimit, ownLimit, typeLimit);
    }

    /**
     * Reserves whatever the budgets say, counting overruns; refuses only usage past {@code Long.MAX_VALUE}, which no
     * counter can hold.
     */
    private static long forceReserve(BundleAccount owner, TypeAccount account, long bytes,
                                        ResourcePriority priority) {
        return reserveWithin(owner, account, bytes, Long.MAX_VALUE, Long.MAX_VALUE,
                owner.limitFor(account.type, priority), account.limitFor(priority));
    }

    /**
     * Adds {@code bytes} to the bundle's counter within {@code ownCap}, then to the type's within {@code typeCap}, and
     * commits both (peaks, and overruns of the budgets' limits) only once both took them: a reservation refused by
     * the second leaves no trace in the first.
     *
     * @return the type's usage right after, or {@link #BUNDLE_REFUSED} or {@link #TYPE_REFUSED}
     */
    private static long reserveWithin(BundleAccount owner, TypeAccount account, long bytes, long ownCap,
                                         long typeCap, long ownLimit, long typeLimit) {
        BudgetCounter own = owner.usage(account.type);
        long ownUsed = own.add(bytes, ownCap);
        if (ownUsed < 0) {
            return BUNDLE_REFUSED;
        }
        long typeUsed = account.usage.add(bytes, typeCap);
        if (typeUsed < 0) {
            own.subtract(bytes);
            return TYPE_REFUSED;
        }
        own.committed(ownUsed, ownLimit);
        account.usage.committed(typeUsed, typeLimit);
        return typeUsed;
    }

    /** Counts a reservation that stands, with {@code used} bytes of its type in use right after it. */
    private static HalResult<Void> committed(BundleAccount owner, TypeAccount account, long used) {
        owner.usage(account.type).countAcquisition();
        account.usage.countAcquisition();
        account.usageChanged(used);
        return HalResult.ok();
    }

    /** Whether the request could ever fit: a request larger than a whole limit fails at once, whatever its mode. */
    private static boolean fitsWhenEmpty(BundleAccount owner, TypeAccount account, long bytes,
                                         ResourcePriority priority) {
        return bytes <= owner.limitFor(account.type, priority) && bytes <= account.limitFor(priority);
    }

    /** The budget that would refuse {@code bytes} now. */
    private static Refusal blame(BundleAccount owner, TypeAccount account, long bytes, ResourcePriority priority) {
        return ByteSums.fits(owner.usage(account.type).current(), bytes, owner.limitFor(account.type, priority))
                ? Refusal.TYPE : Refusal.BUNDLE;
    }

    private static long missing(Refusal refusal, BundleAccount owner, TypeAccount account, long bytes,
                                ResourcePriority priority) {
        return refusal == Refusal.BUNDLE
                ? ByteSums.shortfall(owner.usage(account.type).current(), bytes, owner.limitFor(account.type, priority))
                : ByteSums.shortfall(account.usage.current(), bytes, account.limitFor(priority));
    }
}
