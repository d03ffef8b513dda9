package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * An acquisition racing the pool's shutdown on a magazine slot: block 1 is in the magazine, block 0 on the shared
 * list. The acquisition takes block 1 before the shutdown claims the slot, block 0 from the shared list while the
 * shutdown holds the slot, or nothing after it; every block not acquired ends on the shared list exactly once.
 *
 * <p>Results: the acquisition, the shared list after the shutdown (two entries, top first), and an acquisition after
 * the shutdown.
 */
@JCStressTest
@Outcome(id = "1, 0, -1, -1", expect = Expect.ACCEPTABLE, desc = "acquired from the magazine before the shutdown")
@Outcome(id = "0, 1, -1, -1", expect = Expect.ACCEPTABLE, desc = "acquired from the shared list while the shutdown"
        + " held the slot")
@Outcome(id = "-1, 1, 0, -1", expect = Expect.ACCEPTABLE, desc = "the shutdown came first: both blocks back")
@Outcome(expect = Expect.FORBIDDEN, desc = "a block held and free, lost at the shutdown, or acquired after it")
@State
public class MagazineAcquireCloseStress {
    private final ConcurrentFreeList shared = FreeLists.holding(2, 0);
    private final Magazines magazines = new Magazines(shared, 1, 2);

    public MagazineAcquireCloseStress() {
        magazines.push(1);
    }

    @Actor
    public void acquire(IIII_Result r) {
        r.r1 = magazines.pop();
    }

    @Actor
    public void shutDown() {
        magazines.close();
    }

    @Arbiter
    public void left(IIII_Result r) {
        r.r2 = shared.pop();
        r.r3 = shared.pop();
        r.r4 = magazines.pop();
    }
}
