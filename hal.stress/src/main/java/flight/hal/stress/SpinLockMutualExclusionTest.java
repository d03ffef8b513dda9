package flight.hal.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

import flight.hal.platform.SpinLock;
import flight.hal.driver.platform.internal.HostCpuPrimitives;

/**
 * The host spinlock's mutual exclusion: two threads each do a plain (non-atomic) read-modify-write of a counter
 * under the lock. Only if the critical sections never overlap, and each one sees the previous one's write (the
 * unlock's release store and the lock's compare-and-set publish it), does the counter end at 2.
 */
@JCStressTest
@Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "both increments happened, one after the other")
@Outcome(expect = Expect.FORBIDDEN, desc = "an increment was lost: the critical sections overlapped or one did"
        + " not see the other's write")
@State
public class SpinLockMutualExclusionTest {
    private final SpinLock lock = new HostCpuPrimitives().newSpinLock();
    private int counter;

    @Actor
    public void first() {
        increment();
    }

    @Actor
    public void second() {
        increment();
    }

    @Arbiter
    public void end(I_Result r) {
        r.r1 = counter;
    }

    private void increment() {
        lock.lock();
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }
}
