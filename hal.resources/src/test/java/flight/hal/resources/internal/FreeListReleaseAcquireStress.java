package flight.hal.resources.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;


/**
 * The resource pools' lock-free free list with a release racing two acquisitions: block 0 is free, block 1 is given
 * back while another thread acquires twice. Every block ends up exactly once either with the acquirer or on the list
 * (drained by the arbiter): a release is never lost and a block is never handed out twice.
 */
@JCStressTest
@Outcome(id = "1, 0, -1, -1", expect = Expect.ACCEPTABLE, desc = "release first: the acquirer got both blocks,"
        + " newest first")
@Outcome(id = "0, 1, -1, -1", expect = Expect.ACCEPTABLE, desc = "release between the acquisitions: the acquirer"
        + " got both blocks")
@Outcome(id = "0, -1, 1, -1", expect = Expect.ACCEPTABLE, desc = "release last: the second acquisition found the"
        + " list empty and the released block is still on it")
@Outcome(expect = Expect.FORBIDDEN, desc = "a block handed out twice, or a released block lost")
@State
public class FreeListReleaseAcquireStress {
    private final ConcurrentFreeList free = FreeLists.holding(2, 0);

    @Actor
    public void release() {
        free.push(1);
    }

    @Actor
    public void acquireTwice(IIII_Result r) {
        r.r1 = free.pop();
        r.r2 = free.pop();
    }

    @Arbiter
    public void left(IIII_Result r) {
        r.r3 = free.pop();
        r.r4 = free.pop();
    }
}
