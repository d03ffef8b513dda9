package flight.hal.registry.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;


/**
 * The retire protocol: a retiring driver (left, kept only for the objects it owns) tells the registry after every
 * lease released on it, and the registry then checks whether it still holds anything. With its last two leases
 * released at once, at least one of those checks must see no lease open; else the registry would never look again
 * and the driver would never be shut down.
 *
 * <p>Result: how many of the two checks saw the activation without leases.
 */
@JCStressTest
@Outcome(id = "1", expect = Expect.ACCEPTABLE, desc = "the check after the last release saw it empty")
@Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "both releases were done before either check ran")
@Outcome(expect = Expect.FORBIDDEN, desc = "no check saw it empty: the last release went unnoticed")
@State
public class RetiringLastReleaseStress {
    private final AtomicInteger emptySeen = new AtomicInteger();
    private final Activation activation = Activations.of(this::checkRetiring);
    private final int first;
    private final int second;

    public RetiringLastReleaseStress() {
        first = activation.tryAcquire();
        second = activation.tryAcquire();
        activation.retiring(true);
    }

    /** What the registry's check does first: is the retiring activation still leased? */
    private void checkRetiring() {
        if (activation.openLeases() == 0) {
            emptySeen.incrementAndGet();
        }
    }

    @Actor
    public void releaseFirst() {
        activation.release(first);
    }

    @Actor
    public void releaseSecond() {
        activation.release(second);
    }

    @Arbiter
    public void checks(I_Result r) {
        r.r1 = emptySeen.get();
    }
}
