package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * The lock-free free list's batch push (how a full magazine spills) racing two pops: block 0 is free, blocks 1 and 2
 * are pushed in one compare-and-set (2 ends on top). The batch appears all at once, in push order, and no block is
 * handed out twice or lost.
 *
 * <p>Results: the two pops, then the blocks left, top first (-1 past the bottom).
 */
@JCStressTest
@Outcome(id = "2, 1, 0, -1, -1", expect = Expect.ACCEPTABLE, desc = "the batch went first")
@Outcome(id = "0, 2, 1, -1, -1", expect = Expect.ACCEPTABLE, desc = "the batch went between the pops")
@Outcome(id = "0, -1, 2, 1, -1", expect = Expect.ACCEPTABLE, desc = "the batch went last")
@Outcome(expect = Expect.FORBIDDEN, desc = "half a batch seen, a block handed out twice or lost")
@State
public class FreeListPushBatchStress {
    private final ConcurrentFreeList free = FreeLists.holding(3, 0);

    @Actor
    public void pushBatch() {
        free.pushBatch(new int[] {1, 2}, 0, 2);
    }

    @Actor
    public void popTwice(IIIII_Result r) {
        r.r1 = free.pop();
        r.r2 = free.pop();
    }

    @Arbiter
    public void left(IIIII_Result r) {
        r.r3 = free.pop();
        r.r4 = free.pop();
        r.r5 = free.pop();
    }
}
