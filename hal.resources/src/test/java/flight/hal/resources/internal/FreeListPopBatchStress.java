package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * The lock-free free list's batch pop (how a magazine refills) racing a single pop for blocks 0 (top), 1 and 2: the
 * batch takes the two on top in one compare-and-set, stored with the first popped last, the single pop takes
 * another, and none is taken twice or lost.
 *
 * <p>Results: the batch's two blocks as stored, the single pop, then the blocks left as a bit set.
 */
@JCStressTest
@Outcome(id = "1, 0, 2, 0", expect = Expect.ACCEPTABLE, desc = "the batch ran first")
@Outcome(id = "2, 1, 0, 0", expect = Expect.ACCEPTABLE, desc = "the single pop ran first")
@Outcome(expect = Expect.FORBIDDEN, desc = "a block taken twice, lost, or the batch out of order")
@State
public class FreeListPopBatchStress {
    private final ConcurrentFreeList free = FreeLists.holding(3, 0, 1, 2);

    @Actor
    public void popBatch(IIII_Result r) {
        int[] into = {-1, -1};
        free.popBatch(into, 0, 2);
        r.r1 = into[0];
        r.r2 = into[1];
    }

    @Actor
    public void pop(IIII_Result r) {
        r.r3 = free.pop();
    }

    @Arbiter
    public void left(IIII_Result r) {
        int left = 0;
        for (int index = free.pop(); index >= 0; index = free.pop()) {
            left |= 1 << index;
        }
        r.r4 = left;
    }
}
