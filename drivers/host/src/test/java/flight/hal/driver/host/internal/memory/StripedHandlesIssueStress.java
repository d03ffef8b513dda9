package flight.hal.driver.host.internal.memory;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

import flight.hal.HandleIssuer;

/**
 * Two threads issue their first handles at once, racing to make their stripes' issuers (on one stripe or two,
 * whichever the threads were dealt): the handles must differ and both be owned by the initialization's issuer.
 *
 * <p>Results: whether the two handles differ, whether the owner owns both.
 */
@JCStressTest
@Outcome(id = "true, true", expect = Expect.ACCEPTABLE, desc = "distinct handles, both the driver's")
@Outcome(expect = Expect.FORBIDDEN, desc = "a handle issued twice, or one the driver does not own")
@State
public class StripedHandlesIssueStress {
    private static final HandleIssuer OWNER = HandleIssuer.forDriver("stress");

    private final StripedHandles handles = new StripedHandles();
    private long first;
    private long second;

    @Actor
    public void issueFirst() {
        first = handles.issue(OWNER);
    }

    @Actor
    public void issueSecond() {
        second = handles.issue(OWNER);
    }

    @Arbiter
    public void check(ZZ_Result result) {
        result.r1 = first != second && first != 0 && second != 0;
        result.r2 = OWNER.owns(first) && OWNER.owns(second);
    }
}
