package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Two acquisitions on one magazine slot for the two free blocks (0 on top of the shared list, 1 in the magazine):
 * one claims the slot, the other finds it claimed and takes from the shared list, or they take turns. Each gets its
 * own block and both are counted.
 *
 * <p>Results: the two acquisitions, what is left after a reclaim, and the blocks counted as taken.
 */
@JCStressTest
@Outcome(id = {"0, 1, -1, 2", "1, 0, -1, 2"}, expect = Expect.ACCEPTABLE, desc = "each got its own block")
@Outcome(expect = Expect.FORBIDDEN, desc = "both got the same block, one got none while one was free, a block left"
        + " behind or an acquisition not counted")
@State
public class MagazineAcquireAcquireStress {
    private final ConcurrentFreeList shared = FreeLists.holding(2, 0);
    private final Magazines magazines = new Magazines(shared, 1, 2);

    public MagazineAcquireAcquireStress() {
        magazines.push(1);
    }

    @Actor
    public void first(IIII_Result r) {
        r.r1 = magazines.pop();
    }

    @Actor
    public void second(IIII_Result r) {
        r.r2 = magazines.pop();
    }

    @Arbiter
    public void left(IIII_Result r) {
        magazines.reclaim();
        r.r3 = magazines.pop();
        r.r4 = (int) magazines.taken();
    }
}
