package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * A release racing the pool's shutdown on a magazine slot: block 0 is free on the shared list, block 1 is released
 * into the magazine before the shutdown empties it, onto the shared list while the shutdown holds the slot, or after
 * the shutdown straight onto the shared list. Either way nothing is lost and the release is counted.
 *
 * <p>Results: the shared list after both (three entries, top first) and the blocks counted as given back.
 */
@JCStressTest
@Outcome(id = "1, 0, -1, 1", expect = Expect.ACCEPTABLE, desc = "both blocks on the shared list, the release on top")
@Outcome(expect = Expect.FORBIDDEN, desc = "the released block lost or kept aside after the shutdown, or the release"
        + " not counted")
@State
public class MagazineReleaseCloseStress {
    private final ConcurrentFreeList shared = FreeLists.holding(2, 0);
    private final Magazines magazines = new Magazines(shared, 1, 2);

    @Actor
    public void release() {
        magazines.push(1);
    }

    @Actor
    public void shutDown() {
        magazines.close();
    }

    @Arbiter
    public void left(IIII_Result r) {
        r.r1 = shared.pop();
        r.r2 = shared.pop();
        r.r3 = shared.pop();
        r.r4 = (int) magazines.givenBack();
    }
}
