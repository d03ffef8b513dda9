package flight.hal.registry.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZJ_Result;


/**
 * The registry's lease claim against the close that precedes a hand-over or shutdown. The lessee increments its
 * stripe, then reads {@code closed}; the registry sets {@code closed}, then sums the stripes. So a lease that is
 * granted is always counted by the drain (which then waits for it), or the lessee sees {@code closed} and is refused;
 * a call can never run on a driver the registry believes idle. A refused claim gives its count back.
 *
 * <p>Results: lease granted; the drain (with no time to wait) found no open lease; leases open at the end.
 */
@JCStressTest
@Outcome(id = "true, false, 1", expect = Expect.ACCEPTABLE, desc = "the lease was granted and the drain counted it")
@Outcome(id = "false, true, 0", expect = Expect.ACCEPTABLE, desc = "the claim saw the activation closed and was"
        + " refused; the drain found it empty")
@Outcome(id = "false, false, 0", expect = Expect.ACCEPTABLE, desc = "the drain saw the claim's count before the"
        + " refused claim gave it back")
@Outcome(expect = Expect.FORBIDDEN, desc = "a granted lease the drain did not see (a call straddling the swap), or"
        + " a count left open or lost")
@State
public class LeaseVersusCloseStress {
    private final Activation activation = Activations.of(() -> { });

    @Actor
    public void lease(ZZJ_Result r) {
        r.r1 = activation.tryAcquire() >= 0;
    }

    @Actor
    public void closeAndDrain(ZZJ_Result r) {
        r.r2 = activation.closeAndDrain(0);
    }

    @Arbiter
    public void open(ZZJ_Result r) {
        r.r3 = activation.openLeases();
    }
}
