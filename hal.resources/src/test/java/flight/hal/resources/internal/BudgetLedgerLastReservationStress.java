package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJJJJ_Result;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceStats;

/**
 * The whole accounting path ({@code Ledger.reserve}), two bundles racing for a type budget of 8 bytes that fits only
 * one reservation of 5: exactly one gets it, the type's usage and stats count exactly that one, and the refused
 * bundle keeps no trace of its attempt (its own counter went up before the type's refused, and back down).
 *
 * <p>Results: whether alpha and beta reserved (1 or 0); then the type's usage, acquisitions and active count; then
 * the two bundles' usages added up.
 */
@JCStressTest
@Outcome(id = {"1, 0, 5, 1, 1, 5", "0, 1, 5, 1, 1, 5"}, expect = Expect.ACCEPTABLE,
        desc = "one reservation fit, the other was refused; the stats count the one")
@Outcome(expect = Expect.FORBIDDEN, desc = "both fit (usage above the limit), neither did, or the stats or the"
        + " bundles' usages do not match the reservations granted")
@State
public class BudgetLedgerLastReservationStress {
    private final StressLedger accounts = new StressLedger(ResourceBudget.of(8, 0));

    @Actor
    public void alpha(JJJJJJ_Result r) {
        r.r1 = accounts.reserve(accounts.alpha, 5);
    }

    @Actor
    public void beta(JJJJJJ_Result r) {
        r.r2 = accounts.reserve(accounts.beta, 5);
    }

    @Arbiter
    public void stats(JJJJJJ_Result r) {
        ResourceStats type = accounts.typeStats();
        r.r3 = type.currentUsage();
        r.r4 = type.allocationCount();
        r.r5 = type.activeCount();
        r.r6 = accounts.stats(accounts.alpha).currentUsage() + accounts.stats(accounts.beta).currentUsage();
    }
}
