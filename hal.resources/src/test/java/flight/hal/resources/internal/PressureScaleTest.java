package flight.hal.resources.internal;

import static flight.hal.resources.ResourcePressure.CRITICAL;
import static flight.hal.resources.ResourcePressure.HIGH;
import static flight.hal.resources.ResourcePressure.LOW;
import static flight.hal.resources.ResourcePressure.MEDIUM;
import static flight.hal.resources.ResourcePressure.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import flight.hal.resources.ResourceBudget;

class PressureScaleTest {
    /** warning 80 %, critical 90 % of 1000: LOW from 400, MEDIUM from 640, HIGH from 800, CRITICAL from 900. */
    private final PressureScale scale = new PressureScale(new ResourceBudget(1000, 100, 80, 90), 5);

    @Test
    void levelsAreEnteredAtTheirThresholds() {
        assertEquals(NONE, scale.levelOf(399));
        assertEquals(LOW, scale.levelOf(400));
        assertEquals(MEDIUM, scale.levelOf(640));
        assertEquals(HIGH, scale.levelOf(800));
        assertEquals(CRITICAL, scale.levelOf(900));
        assertEquals(CRITICAL, scale.levelOf(5000));
    }

    @Test
    void risingIsImmediateAndMaySkipLevels() {
        assertEquals(HIGH, scale.next(NONE, 850));
        assertEquals(CRITICAL, scale.next(LOW, 900));
    }

    @Test
    void aLevelIsLeftOnlyBelowItsEntryPointMinusTheMargin() {
        assertEquals(HIGH, scale.next(HIGH, 799));
        assertEquals(HIGH, scale.next(HIGH, 750));
        assertEquals(MEDIUM, scale.next(HIGH, 749));
        assertEquals(CRITICAL, scale.next(CRITICAL, 851));
        assertEquals(HIGH, scale.next(CRITICAL, 849));
    }

    @Test
    void fallingFarDropsThroughEveryLevelItIsClearlyBelow() {
        assertEquals(NONE, scale.next(CRITICAL, 0));
        assertEquals(MEDIUM, scale.next(CRITICAL, 600));
        assertEquals(LOW, scale.next(CRITICAL, 589));
    }

    @Test
    void anUnlimitedBudgetHasNoPressure() {
        PressureScale unlimited = new PressureScale(ResourceBudget.unlimited(), 5);
        assertEquals(NONE, unlimited.levelOf(Long.MAX_VALUE - 1));
        assertEquals(NONE, unlimited.next(NONE, 1L << 60));
    }
}
