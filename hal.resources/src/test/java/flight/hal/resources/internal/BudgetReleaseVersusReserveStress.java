package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;


/**
 * The budget counter with a release racing a reservation on a full budget: the reservation either sees the freed unit
 * and takes it, or sees the budget full and is refused; the release is never lost either way.
 *
 * <p>Results: the usage right after the reservation (-1 when refused), then the usage at the end.
 */
@JCStressTest
@Outcome(id = "8, 8", expect = Expect.ACCEPTABLE, desc = "the reservation came after the release and took the"
        + " freed unit")
@Outcome(id = "-1, 7", expect = Expect.ACCEPTABLE, desc = "the reservation came first and was refused; the"
        + " release then freed its unit")
@Outcome(expect = Expect.FORBIDDEN, desc = "usage above the limit, or a lost release or reservation")
@State
public class BudgetReleaseVersusReserveStress {
    private static final long LIMIT = 8;

    private final BudgetCounter counter = new BudgetCounter();

    public BudgetReleaseVersusReserveStress() {
        counter.add(LIMIT, LIMIT);
    }

    @Actor
    public void release() {
        counter.subtract(1);
    }

    @Actor
    public void reserve(JJ_Result r) {
        r.r1 = counter.add(1, LIMIT);
    }

    @Arbiter
    public void usage(JJ_Result r) {
        r.r2 = counter.current();
    }
}
