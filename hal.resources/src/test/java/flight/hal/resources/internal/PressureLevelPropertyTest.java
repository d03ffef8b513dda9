package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePressure;

/**
 * The bounds a level is published with tell exactly where {@link PressureScale#next} would move it: the hot path
 * that compares usage with them alone misses no change and asks for none that would not happen.
 */
class PressureLevelPropertyTest {

    @Property
    void aLevelHoldsExactlyWhereTheScaleKeepsIt(@ForAll @LongRange(min = 1, max = 1L << 40) long maxBytes,
                                                 @ForAll @IntRange(min = 1, max = 100) int warning,
                                                 @ForAll @IntRange(min = 0, max = 100) int criticalAbove,
                                                 @ForAll @IntRange(min = 0, max = 50) int hysteresis,
                                                 @ForAll ResourcePressure level,
                                                 @ForAll @IntRange(min = 0, max = 2000) int usedPerMille,
                                                 @ForAll @IntRange(min = -2, max = 2) int nudge) {
        int critical = Math.min(100, warning + criticalAbove);
        PressureScale scale = new PressureScale(new ResourceBudget(maxBytes, 0, warning, critical), hysteresis);
        long used = Math.max(0, maxBytes * usedPerMille / 1000 + nudge);
        boolean kept = scale.next(level, used) == level;
        assertEquals(kept, scale.level(level).holds(used), () -> level + " at " + used + " bytes of " + maxBytes);
    }

    @Property
    void anUnlimitedBudgetHoldsEveryLevelItCanBeAt(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE - 1) long used) {
        PressureScale scale = new PressureScale(ResourceBudget.unlimited(), 5);
        assertTrue(scale.level(ResourcePressure.NONE).holds(used));
    }
}
