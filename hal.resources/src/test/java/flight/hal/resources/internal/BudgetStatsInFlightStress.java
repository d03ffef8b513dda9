package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJ_Result;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceStats;

/**
 * Stats read while an acquisition and its release are in flight on another thread: they may lag behind (the counts
 * are per thread), but never show usage above the limit or below 0, a negative active count, or more active than
 * acquired.
 *
 * <p>Results: the type's usage, acquisitions and active count as read.
 */
@JCStressTest
@Outcome(id = {"0, 0, 0", "8, 0, 0", "0, 1, 1", "8, 1, 1", "0, 1, 0", "8, 1, 0"}, expect = Expect.ACCEPTABLE,
        desc = "before, during or after the acquisition and its release")
@Outcome(expect = Expect.FORBIDDEN, desc = "usage outside 0 to the limit, or an impossible count")
@State
public class BudgetStatsInFlightStress {
    private final StressLedger accounts = new StressLedger(ResourceBudget.of(8, 0));

    @Actor
    public void acquireAndRelease() {
        if (accounts.reserve(accounts.alpha, 8) == 1) {
            accounts.release(accounts.alpha, 8);
        }
    }

    @Actor
    public void read(JJJ_Result r) {
        ResourceStats type = accounts.typeStats();
        r.r1 = type.currentUsage();
        r.r2 = type.allocationCount();
        r.r3 = type.activeCount();
    }
}
