package flight.hal.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

import flight.hal.platform.SpinLock;
import flight.hal.driver.platform.internal.HostCpuPrimitives;

/** Two {@code tryLock()} calls on a free host spinlock: exactly one takes it, whichever order they run in. */
@JCStressTest
@Outcome(id = {"true, false", "false, true"}, expect = Expect.ACCEPTABLE, desc = "exactly one thread holds the lock")
@Outcome(expect = Expect.FORBIDDEN, desc = "both hold the lock (no mutual exclusion) or neither does (a free lock"
        + " refused)")
@State
public class SpinLockTryLockTest {
    private final SpinLock lock = new HostCpuPrimitives().newSpinLock();

    @Actor
    public void first(ZZ_Result r) {
        r.r1 = lock.tryLock();
    }

    @Actor
    public void second(ZZ_Result r) {
        r.r2 = lock.tryLock();
    }
}
