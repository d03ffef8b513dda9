package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * A release and an acquisition racing on one magazine slot (one finds it claimed and uses the shared list, or they
 * take turns): block 0 is free on the shared list, block 1 is released. The acquisition gets one of them, and after
 * the pool's shutdown the other is back on the shared list exactly once, nothing can be acquired, and the release is
 * counted.
 *
 * <p>Results: the acquisition, the shared list after the shutdown (two entries, top first), an acquisition after the
 * shutdown, and the blocks counted as given back.
 */
@JCStressTest
@Outcome(id = "0, 1, -1, -1, 1", expect = Expect.ACCEPTABLE, desc = "acquired block 0; block 1 came back")
@Outcome(id = "1, 0, -1, -1, 1", expect = Expect.ACCEPTABLE, desc = "acquired block 1 just released; block 0 came"
        + " back")
@Outcome(expect = Expect.FORBIDDEN, desc = "a block held and free, lost at the shutdown, acquired after it, or the"
        + " release not counted")
@State
public class MagazineReleaseAcquireStress {
    private final ConcurrentFreeList shared = FreeLists.holding(2, 0);
    private final Magazines magazines = new Magazines(shared, 1, 2);

    @Actor
    public void release() {
        magazines.push(1);
    }

    @Actor
    public void acquire(IIIII_Result r) {
        r.r1 = magazines.pop();
    }

    @Arbiter
    public void shutDown(IIIII_Result r) {
        magazines.close();
        r.r2 = shared.pop();
        r.r3 = shared.pop();
        r.r4 = magazines.pop();
        r.r5 = (int) magazines.givenBack();
    }
}
