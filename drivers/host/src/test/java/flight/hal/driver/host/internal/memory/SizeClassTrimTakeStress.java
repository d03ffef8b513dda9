package flight.hal.driver.host.internal.memory;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JII_Result;

/**
 * Trim against a take on a size class whose one region is wholly free: trim may drop the region only if it held all
 * of its slots; a slot taken meanwhile keeps its region (or comes from a new one), so the taken slot's memory always
 * belongs to a region the class still holds.
 *
 * <p>Results: the bytes trim returned, whether the taken slot's region is still held (1), and the regions held.
 */
@JCStressTest
@Outcome(id = "0, 1, 1", expect = Expect.ACCEPTABLE, desc = "the take came first: trim kept the region")
@Outcome(id = "1024, 1, 1", expect = Expect.ACCEPTABLE, desc = "trim came first and dropped the free region;"
        + " the take reserved a new one")
@Outcome(id = "1024, 1, 2", expect = Expect.FORBIDDEN, desc = "impossible: trim drops the only region")
@Outcome(expect = Expect.FORBIDDEN, desc = "the taken slot's region was dropped")
@State
public class SizeClassTrimTakeStress {
    private final SizeClass slots = new SizeClass(6, 10, 1);
    private int taken;

    public SizeClassTrimTakeStress() {
        slots.give(slots.take()); // one region of 16 free slots
    }

    @Actor
    public void trim(JII_Result r) {
        r.r1 = slots.trim();
    }

    @Actor
    public void take() {
        taken = slots.take();
    }

    @Arbiter
    public void held(JII_Result r) {
        r.r2 = slots.holds(taken) ? 1 : 0;
        r.r3 = slots.regionCount();
    }
}
