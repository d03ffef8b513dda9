package flight.hal.resources.internal;

import static flight.hal.resources.ResourcePressure.CRITICAL;
import static flight.hal.resources.ResourcePressure.HIGH;
import static flight.hal.resources.ResourcePressure.LOW;
import static flight.hal.resources.ResourcePressure.MEDIUM;
import static flight.hal.resources.ResourcePressure.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePressure;

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

    /** From CRITICAL (entered at 900) and HIGH (800) down, with a margin of 50 bytes. */
    @ParameterizedTest(name = "{0} at {1} bytes becomes {2}")
    @CsvSource({"HIGH, 799, HIGH", "HIGH, 750, HIGH", "HIGH, 749, MEDIUM", "CRITICAL, 851, CRITICAL",
            "CRITICAL, 849, HIGH", "CRITICAL, 0, NONE", "CRITICAL, 600, MEDIUM", "CRITICAL, 589, LOW"})
    void aLevelIsLeftOnlyBelowItsEntryPointMinusTheMargin(ResourcePressure from, long used, ResourcePressure to) {
        assertEquals(to, scale.next(from, used));
    }

    @Test
    void anUnlimitedBudgetHasNoPressure() {
        PressureScale unlimited = new PressureScale(ResourceBudget.unlimited(), 5);
        assertEquals(NONE, unlimited.levelOf(Long.MAX_VALUE - 1));
        assertEquals(NONE, unlimited.next(NONE, 1L << 60));
    }
}
