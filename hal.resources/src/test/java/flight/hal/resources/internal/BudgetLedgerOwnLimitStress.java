package flight.hal.resources.internal;

import java.util.Map;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJJJ_Result;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceStats;

/**
 * The whole accounting path, two threads of one bundle racing for its own budget of 8 bytes (the type's has room
 * for both): exactly one reservation of 5 fits, and neither the bundle's stats nor the type's go above it.
 *
 * <p>Results: whether each thread reserved (1 or 0); then the bundle's usage and active count, and the type's usage.
 */
@JCStressTest
@Outcome(id = {"1, 0, 5, 1, 5", "0, 1, 5, 1, 5"}, expect = Expect.ACCEPTABLE,
        desc = "one reservation fit the bundle's budget, the other was refused")
@Outcome(expect = Expect.FORBIDDEN, desc = "both fit (the bundle above its limit), neither did, or the stats do not"
        + " match the reservations granted")
@State
public class BudgetLedgerOwnLimitStress {
    private final StressLedger accounts = new StressLedger(ResourceBudget.of(1000, 0));

    public BudgetLedgerOwnLimitStress() {
        accounts.alpha.budgets(Map.of(StressLedger.MEMORY, ResourceBudget.of(8, 0)));
    }

    @Actor
    public void first(JJJJJ_Result r) {
        r.r1 = accounts.reserve(accounts.alpha, 5);
    }

    @Actor
    public void second(JJJJJ_Result r) {
        r.r2 = accounts.reserve(accounts.alpha, 5);
    }

    @Arbiter
    public void stats(JJJJJ_Result r) {
        ResourceStats own = accounts.stats(accounts.alpha);
        r.r3 = own.currentUsage();
        r.r4 = own.activeCount();
        r.r5 = accounts.typeStats().currentUsage();
    }
}
