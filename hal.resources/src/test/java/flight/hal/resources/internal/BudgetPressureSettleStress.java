package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePressure;

/**
 * The pressure level when a rise and a fall race. A budget of 100 (LOW from 40, CRITICAL from 90, margin 5): alpha
 * holds 50 (LOW); beta reserves 45 (usage 95, CRITICAL) while alpha releases its 50. Whatever the order, usage ends
 * at 45 and the level at LOW: the fall may judge itself against the old level while the rise is still settling,
 * so the rise must read usage again after taking its level.
 *
 * <p>Results: the final level (ordinal of {@link ResourcePressure}) and usage.
 */
@JCStressTest
@Outcome(id = "1, 45", expect = Expect.ACCEPTABLE, desc = "LOW at 45 bytes, whichever came first")
@Outcome(expect = Expect.FORBIDDEN, desc = "a level left behind by the usage")
@State
public class BudgetPressureSettleStress {
    private final StressLedger accounts = new StressLedger(new ResourceBudget(100, 0, 80, 90));

    public BudgetPressureSettleStress() {
        accounts.reserve(accounts.alpha, 50);
    }

    @Actor
    public void rise() {
        accounts.reserve(accounts.beta, 45);
    }

    @Actor
    public void fall() {
        accounts.release(accounts.alpha, 50);
    }

    @Arbiter
    public void level(JJ_Result r) {
        r.r1 = accounts.ledger.type(StressLedger.MEMORY).pressure().ordinal();
        r.r2 = accounts.typeStats().currentUsage();
    }
}
