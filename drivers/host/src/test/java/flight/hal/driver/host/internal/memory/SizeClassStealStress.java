package flight.hal.driver.host.internal.memory;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * The free slots of one size class on two stripes, used by two threads: one takes a slot, gives it back and takes
 * again while the other takes once. Whichever stripes the threads were dealt, one may find its own stack empty and
 * steal the other's whole stack while that stack's thread pops and pushes; the tags must keep every stale pop from
 * succeeding, so the two slots held at the end are distinct and every other slot of the region is still free.
 *
 * <p>Results: whether the slots held at the end are distinct, how many other slots the arbiter then takes before the
 * class must reserve a second region (14 of the 16), and how many regions the actors left it with.
 */
@JCStressTest
@Outcome(id = "1, 14, 1", expect = Expect.ACCEPTABLE, desc = "distinct slots, no slot lost or duplicated")
@Outcome(expect = Expect.FORBIDDEN, desc = "a slot held twice, lost, or a region reserved needlessly")
@State
public class SizeClassStealStress {
    private static final int SLOTS = 16;

    private final SizeClass slots = new SizeClass(6, 10, 2);
    private int first;
    private int second;

    public SizeClassStealStress() {
        slots.give(slots.take()); // one region of 16 free slots
    }

    @Actor
    public void takeGiveTake() {
        int slot = slots.take();
        slots.give(slot);
        first = slots.take();
    }

    @Actor
    public void take() {
        second = slots.take();
    }

    @Arbiter
    public void count(III_Result r) {
        r.r1 = first != second ? 1 : 0;
        r.r3 = slots.regionCount();
        int free = 0;
        boolean[] seen = new boolean[SLOTS];
        seen[first] = true;
        seen[second] = true;
        while (slots.regionCount() == 1) {
            int slot = slots.take();
            if (slot >= SLOTS || seen[slot]) {
                break;
            }
            seen[slot] = true;
            free++;
        }
        r.r2 = free;
    }
}
