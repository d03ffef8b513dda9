package flight.hal.resources.internal;

import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

/** A ledger of MEMORY with two bundles, for the jcstress tests of the whole accounting path. */
final class StressLedger {
    static final ResourceType MEMORY = ResourceType.MEMORY;

    final Ledger ledger = new Ledger(new Reclaimers(), (type, pressure, stats) -> { });
    final Budgets budgets = new Budgets(ledger);
    final BundleAccount alpha = new BundleAccount(1, "alpha");
    final BundleAccount beta = new BundleAccount(2, "beta");

    /** MEMORY limited to {@code typeBudget} over all bundles. */
    StressLedger(ResourceBudget typeBudget) {
        budgets.open(alpha);
        budgets.open(beta);
        budgets.set(MEMORY, typeBudget);
    }

    /** Reserves without waiting; 1 when reserved, 0 when refused. */
    long reserve(BundleAccount owner, long bytes) {
        return ledger.reserve(owner, "stress", ResourceMetadata.of(MEMORY, bytes), AcquisitionMode.NON_BLOCKING)
                .isOk() ? 1 : 0;
    }

    void release(BundleAccount owner, long bytes) {
        ledger.release(owner, MEMORY, bytes);
    }

    ResourceStats typeStats() {
        return ledger.type(MEMORY).stats();
    }

    ResourceStats stats(BundleAccount owner) {
        return owner.stats(ledger.type(MEMORY)).stats();
    }
}
