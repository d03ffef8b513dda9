package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;


/** The resource pools' lock-free free list with two acquisitions racing for its last block: exactly one gets it. */
@JCStressTest
@Outcome(id = {"0, -1", "-1, 0"}, expect = Expect.ACCEPTABLE, desc = "one acquisition got the block, the other"
        + " found the list empty")
@Outcome(expect = Expect.FORBIDDEN, desc = "both got the block, or neither did")
@State
public class FreeListLastBlockStress {
    private final ConcurrentFreeList free = FreeLists.holding(1, 0);

    @Actor
    public void first(II_Result r) {
        r.r1 = free.pop();
    }

    @Actor
    public void second(II_Result r) {
        r.r2 = free.pop();
    }
}
