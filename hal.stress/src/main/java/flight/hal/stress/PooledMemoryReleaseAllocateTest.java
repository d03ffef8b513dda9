package flight.hal.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZZ_Result;

/**
 * The platform profiles' pooled memory with a release racing an allocation on a full pool: the allocation either
 * comes after the release and gets the freed block, or comes first and is refused; the freed block is never lost, so
 * the arbiter's allocation gets it exactly when the racing one did not.
 *
 * <p>Results: the release succeeded; the racing allocation succeeded; the arbiter's allocation succeeded.
 */
@JCStressTest
@Outcome(id = "true, true, false", expect = Expect.ACCEPTABLE, desc = "allocation after the release: it got the"
        + " freed block")
@Outcome(id = "true, false, true", expect = Expect.ACCEPTABLE, desc = "allocation before the release: refused, the"
        + " freed block stays free")
@Outcome(expect = Expect.FORBIDDEN, desc = "a refused release, a lost block, or one block handed out twice")
@State
public class PooledMemoryReleaseAllocateTest {
    private final TwoBlockMemoryDriver memory = new TwoBlockMemoryDriver();
    private final long held;

    public PooledMemoryReleaseAllocateTest() {
        held = memory.allocate(TwoBlockMemoryDriver.ONE_BLOCK).orElseThrow().handle();
        memory.allocate(TwoBlockMemoryDriver.ONE_BLOCK).orElseThrow();
    }

    @Actor
    public void release(ZZZ_Result r) {
        r.r1 = memory.deallocate(held).isOk();
    }

    @Actor
    public void allocate(ZZZ_Result r) {
        r.r2 = memory.allocate(TwoBlockMemoryDriver.ONE_BLOCK).isOk();
    }

    @Arbiter
    public void allocateAfter(ZZZ_Result r) {
        r.r3 = memory.allocate(TwoBlockMemoryDriver.ONE_BLOCK).isOk();
    }
}
