package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;


/**
 * The ABA case of the resource pools' lock-free free list. Blocks 0 (top) and 1 are free. One thread acquires both and
 * gives the first back, so block 0 is on top again but now over an empty list; another thread acquires once. An
 * untagged stack could let that acquisition's stale compare-and-set (top 0, next 1) succeed and put block 1, which the
 * first thread holds, back on the list. The version tag in the head makes that compare-and-set fail.
 *
 * <p>Results: the first thread's two acquisitions, the second thread's one, then what the arbiter drains.
 */
@JCStressTest
@Outcome(id = "1, -1, 0, 1, -1", expect = Expect.ACCEPTABLE, desc = "the single acquisition ran first")
@Outcome(id = "0, -1, 1, 0, -1", expect = Expect.ACCEPTABLE, desc = "the single acquisition took block 1 between"
        + " the two others")
@Outcome(id = "0, 1, -1, 0, -1", expect = Expect.ACCEPTABLE, desc = "the single acquisition found the list empty"
        + " before block 0 came back")
@Outcome(id = "0, 1, 0, -1, -1", expect = Expect.ACCEPTABLE, desc = "the single acquisition ran last and got block"
        + " 0 back")
@Outcome(expect = Expect.FORBIDDEN, desc = "a block held twice or both held and free (ABA), or a block lost")
@State
public class FreeListAbaStress {
    private final ConcurrentFreeList free = FreeLists.holding(2, 0, 1);

    @Actor
    public void acquireTwiceReleaseFirst(IIIII_Result r) {
        int first = free.pop();
        r.r1 = first;
        r.r2 = free.pop();
        if (first >= 0) {
            free.push(first);
        }
    }

    @Actor
    public void acquireOnce(IIIII_Result r) {
        r.r3 = free.pop();
    }

    @Arbiter
    public void left(IIIII_Result r) {
        r.r4 = free.pop();
        r.r5 = free.pop();
    }
}
