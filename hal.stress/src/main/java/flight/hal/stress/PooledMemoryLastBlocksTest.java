package flight.hal.stress;

import java.nio.ByteBuffer;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZZ_Result;

import flight.hal.memory.MemoryAllocation;

/**
 * The platform profiles' pooled memory (free runs of a pool, guarded by its pool set's monitor) with two allocations
 * racing for a pool's last two blocks: both succeed with different blocks, and the pool is then full.
 *
 * <p>Results: both allocations succeeded; their blocks are different (a byte written to one is not seen in the
 * other); a third allocation was refused.
 */
@JCStressTest
@Outcome(id = "true, true, true", expect = Expect.ACCEPTABLE, desc = "each allocation got its own block; the pool is"
        + " full")
@Outcome(expect = Expect.FORBIDDEN, desc = "an allocation refused while a block was free, both given one block, or"
        + " a block left over")
@State
public class PooledMemoryLastBlocksTest {
    private final TwoBlockMemoryDriver memory = new TwoBlockMemoryDriver();
    private MemoryAllocation first;
    private MemoryAllocation second;

    @Actor
    public void allocateFirst() {
        first = memory.allocate(TwoBlockMemoryDriver.ONE_BLOCK).valueOrNull();
    }

    @Actor
    public void allocateSecond() {
        second = memory.allocate(TwoBlockMemoryDriver.ONE_BLOCK).valueOrNull();
    }

    @Arbiter
    public void check(ZZZ_Result r) {
        r.r1 = first != null && second != null;
        r.r2 = r.r1 && distinct(first.buffer(), second.buffer());
        r.r3 = memory.allocate(TwoBlockMemoryDriver.ONE_BLOCK).isErr();
    }

    private static boolean distinct(ByteBuffer one, ByteBuffer other) {
        one.put(0, (byte) 1);
        other.put(0, (byte) 2);
        return one.get(0) == 1;
    }
}
