package flight.hal.driver.host.internal.memory;

import java.util.HashSet;
import java.util.Set;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The free slots of one size class on two stripes: the setup holds two slots of a 16-slot region, the other 14 wait
 * on the setup thread's stripe. One actor gives a held slot back and takes one; the other takes one. Whichever stripes
 * the threads were dealt, a thread that finds its own stack empty steals another stripe's whole stack while that
 * stack's thread may push and pop on it: the tags must keep every stale pop from succeeding.
 *
 * <p>Results: how many distinct slots the actors and the setup hold at the end (3), and how many further slots the
 * arbiter takes before the class must reserve a second region (13: none lost, none handed out twice).
 */
@JCStressTest
@Outcome(id = "3, 13", expect = Expect.ACCEPTABLE, desc = "distinct slots, no slot lost or duplicated")
@Outcome(expect = Expect.FORBIDDEN, desc = "a slot held twice, lost, or a region reserved needlessly")
@State
public class SizeClassStealStress {
    private final SizeClass slots = new SizeClass(6, 10, 2);
    private final int given;
    private final int kept;
    private int afterGive;
    private int taken;

    public SizeClassStealStress() {
        given = slots.take();
        kept = slots.take();
    }

    @Actor
    public void giveThenTake() {
        slots.give(given);
        afterGive = slots.take();
    }

    @Actor
    public void take() {
        taken = slots.take();
    }

    @Arbiter
    public void count(II_Result r) {
        Set<Integer> held = new HashSet<>(Set.of(kept));
        held.add(afterGive);
        held.add(taken);
        r.r1 = held.size();
        int more = 0;
        for (int slot = slots.take(); slots.regionCount() == 1 && held.add(slot); slot = slots.take()) {
            more++;
        }
        r.r2 = more;
    }
}
