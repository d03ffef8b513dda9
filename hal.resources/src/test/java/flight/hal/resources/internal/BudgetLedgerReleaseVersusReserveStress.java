package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJJ_Result;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceStats;

/**
 * The whole accounting path on a full type budget: alpha releases its 8 bytes while beta reserves 8. The reservation
 * either comes after the release and fits, or before it and is refused; the release is never lost, and the stats
 * count exactly what happened (acquisitions, and the active count never negative).
 *
 * <p>Results: whether beta reserved (1 or 0); then the type's usage, acquisitions and active count.
 */
@JCStressTest
@Outcome(id = "1, 8, 2, 1", expect = Expect.ACCEPTABLE, desc = "the reservation took the freed bytes")
@Outcome(id = "0, 0, 1, 0", expect = Expect.ACCEPTABLE, desc = "the reservation came first and was refused")
@Outcome(expect = Expect.FORBIDDEN, desc = "usage above the limit, a lost release or reservation, or stats that do"
        + " not match")
@State
public class BudgetLedgerReleaseVersusReserveStress {
    private final StressLedger accounts = new StressLedger(ResourceBudget.of(8, 0));

    public BudgetLedgerReleaseVersusReserveStress() {
        accounts.reserve(accounts.alpha, 8);
    }

    @Actor
    public void release() {
        accounts.release(accounts.alpha, 8);
    }

    @Actor
    public void reserve(JJJJ_Result r) {
        r.r1 = accounts.reserve(accounts.beta, 8);
    }

    @Arbiter
    public void stats(JJJJ_Result r) {
        ResourceStats type = accounts.typeStats();
        r.r2 = type.currentUsage();
        r.r3 = type.allocationCount();
        r.r4 = type.activeCount();
    }
}
