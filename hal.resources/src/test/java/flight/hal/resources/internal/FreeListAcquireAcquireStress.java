package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;


/**
 * The resource pools' lock-free free list (a tagged Treiber stack) with two acquisitions racing for its two free
 * blocks: they never get the same block, and the list is empty afterwards.
 */
@JCStressTest
@Outcome(id = {"0, 1, -1", "1, 0, -1"}, expect = Expect.ACCEPTABLE,
        desc = "each acquisition got its own block; none is left")
@Outcome(expect = Expect.FORBIDDEN, desc = "both got the same block, one got none while a block was free, or a"
        + " taken block is still on the list")
@State
public class FreeListAcquireAcquireStress {
    private final ConcurrentFreeList free = FreeLists.holding(2, 0, 1);

    @Actor
    public void first(III_Result r) {
        r.r1 = free.pop();
    }

    @Actor
    public void second(III_Result r) {
        r.r2 = free.pop();
    }

    @Arbiter
    public void left(III_Result r) {
        r.r3 = free.pop();
    }
}
