package flight.hal.resources.internal;

import java.util.List;
import java.util.Objects;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.OwnerStats;
import flight.hal.resources.PoolStats;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

/**
 * The administration one allowed bundle holds ({@link AdministrationGate} decides who is allowed). It is revoked when
 * the bundle lets go of the service or the service is withdrawn, so an object kept after its grant was taken back no
 * longer works.
 */
final class Administration implements ResourceAdministration {
    private final ResourceAccounting accounting;
    private final String holder;
    private volatile boolean revoked;

    /** The administration {@code holder} (a bundle, for error messages) is granted. */
    Administration(ResourceAccounting accounting, String holder) {
        this.accounting = accounting;
        this.holder = holder;
    }

    void revoke() {
        revoked = true;
    }

    @Override
    public HalResult<Void> setBudget(ResourceType type, ResourceBudget budget) {
        if (revoked) {
            return HalResult.err(revokedError());
        }
        if (type == null || budget == null) {
            return HalResult.err(HalError.invalidParameter("setBudget needs a type and a budget"));
        }
        return accounting.budgets.set(type, budget);
    }

    @Override
    public ResourceBudget budget(ResourceType type) {
        checkGranted();
        return accounting.budgets.effective(Objects.requireNonNull(type, "type"));
    }

    @Override
    public HalResult<Void> setBundleBudget(String bundleSymbolicName, ResourceType type, ResourceBudget budget) {
        if (revoked) {
            return HalResult.err(revokedError());
        }
        if (bundleSymbolicName == null || bundleSymbolicName.isBlank() || type == null || budget == null) {
            return HalResult.err(HalError.invalidParameter("setBundleBudget needs a bundle name, a type and a budget"));
        }
        return accounting.budgets.setForBundle(bundleSymbolicName.trim(), type, budget);
    }

    @Override
    public ResourceStats stats(ResourceType type) {
        checkGranted();
        return accounting.ledger.type(Objects.requireNonNull(type, "type")).stats();
    }

    @Override
    public List<OwnerStats> statsByOwner(ResourceType type) {
        checkGranted();
        return accounting.statsByOwner(Objects.requireNonNull(type, "type"));
    }

    @Override
    public List<PoolStats> allPools() {
        checkGranted();
        return accounting.allPools();
    }

    @Override
    public List<ResourceLeak> leaks() {
        checkGranted();
        return accounting.leaks.recent();
    }

    /** Queries have no error channel: using a revoked administration is a programming error, as a closed ref is. */
    private void checkGranted() {
        if (revoked) {
            throw new IllegalStateException(revokedError().message());
        }
    }

    private HalError revokedError() {
        return new HalError(ErrorCategory.INVALID_STATE, ResourceErrors.ADMIN_REVOKED,
                "the resource administration of " + holder
                + " was revoked (the bundle let go of it, or " + ADMIN_BUNDLES_PROPERTY + " changed); get it again");
    }
}
