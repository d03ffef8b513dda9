package flight.hal.driver.host.internal.memory;

import java.util.HashSet;
import java.util.Set;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * The free slots of one size class on two stripes: the setup holds two slots of a 16-slot region, the other 14 wait
 * on the setup thread's stripe. One actor gives a held slot back and takes one; the other takes one. Whichever stripes
 * the threads were dealt, a thread that finds its own stack empty steals another stripe's whole stack while that
 * stack's thread may push and pop on it: the tags must keep every stale pop from succeeding.
 *
 * <p>Results: how many distinct slots the actors and the setup hold at the end (3), how many slots of the first region
 * are accounted for, held or taken by the arbiter afterwards (16: none lost, none handed out twice), and how many
 * regions the actors left (a take that finds every stack empty while a steal moves the free slots from one stack to
 * another reserves a second region and may be served from it: wasteful but harmless, the slots in transit stay free).
 */
@JCStressTest
@Outcome(id = "3, 16, 1", expect = Expect.ACCEPTABLE, desc = "distinct slots, no slot lost or duplicated")
@Outcome(id = "3, 16, 2", expect = Expect.ACCEPTABLE_INTERESTING,
        desc = "distinct slots, none lost; a take reserved a region while the free ones were in transit")
@Outcome(expect = Expect.FORBIDDEN, desc = "a slot held twice, or lost")
@State
public class SizeClassStealStress {
    private static final int SLOTS = 16;

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
    public void count(III_Result r) {
        Set<Integer> held = new HashSet<>(Set.of(kept));
        held.add(afterGive);
        held.add(taken);
        r.r1 = held.size();
        r.r3 = slots.regionCount();
        // the first region's slots are ids below SLOTS; a take served from a second region holds one above
        Set<Integer> firstRegion = new HashSet<>();
        held.stream().filter(slot -> slot < SLOTS).forEach(firstRegion::add);
        // enough takes to empty every region the actors can have left; a slot handed out twice answers -1
        boolean twice = false;
        for (int i = 0; i < 2 * SLOTS; i++) {
            int slot = slots.take();
            if (slot >= 0 && slot < SLOTS) {
                twice |= held.contains(slot) || !firstRegion.add(slot);
            }
        }
        r.r2 = twice ? -1 : firstRegion.size();
    }
}
