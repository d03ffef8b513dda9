package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * A release racing the pool's shutdown on a full magazine slot: block 0 is free on the shared list, blocks 1 and 2
 * fill the magazine, and block 3 is released. Before the shutdown empties the slot the release spills block 1 to the
 * shared list and keeps block 3; while the shutdown holds the slot, or after it, block 3 goes straight to the shared
 * list. Either way every block ends on the shared list exactly once and the release is counted.
 *
 * <p>Results: the blocks on the shared list after both, as a bit set, how many entries it had, and the blocks counted
 * as given back.
 */
@JCStressTest
@Outcome(id = "15, 4, 3", expect = Expect.ACCEPTABLE, desc = "all four blocks back once, the release counted")
@Outcome(expect = Expect.FORBIDDEN, desc = "a block lost, kept aside after the shutdown or listed twice, or the"
        + " release not counted")
@State
public class MagazineReleaseCloseStress {
    private final ConcurrentFreeList shared = FreeLists.holding(4, 0);
    private final Magazines magazines = new Magazines(shared, 1, 2);

    public MagazineReleaseCloseStress() {
        magazines.push(1);
        magazines.push(2);
    }

    @Actor
    public void releaseIntoAFullMagazine() {
        magazines.push(3);
    }

    @Actor
    public void shutDown() {
        magazines.close();
    }

    @Arbiter
    public void left(III_Result r) {
        for (int index = shared.pop(); index >= 0 && r.r2 < 8; index = shared.pop()) {
            r.r1 |= 1 << index;
            r.r2++;
        }
        r.r3 = (int) magazines.givenBack();
    }
}
