package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJ_Result;


/**
 * The budget counter's compare-and-set loop (the ledger reserves through it against the bundle's and the type's
 * budget), two reservations racing for the last unit of a budget: exactly one gets it, and usage ends exactly at the
 * limit (never above it, no update lost).
 *
 * <p>Results: each reservation's usage right after it (-1 when refused), then the usage at the end.
 */
@JCStressTest
@Outcome(id = {"8, -1, 8", "-1, 8, 8"}, expect = Expect.ACCEPTABLE,
        desc = "one reservation took the last unit, the other was refused; usage is at the limit")
@Outcome(expect = Expect.FORBIDDEN, desc = "both took it (usage above the limit), neither did, or the usage does not"
        + " match the reservations granted")
@State
public class BudgetLastUnitStress {
    private static final long LIMIT = 8;

    private final BudgetCounter counter = new BudgetCounter();

    public BudgetLastUnitStress() {
        counter.add(LIMIT - 1, LIMIT);
    }

    @Actor
    public void first(JJJ_Result r) {
        r.r1 = counter.add(1, LIMIT);
    }

    @Actor
    public void second(JJJ_Result r) {
        r.r2 = counter.add(1, LIMIT);
    }

    @Arbiter
    public void usage(JJJ_Result r) {
        r.r3 = counter.current();
    }
}
