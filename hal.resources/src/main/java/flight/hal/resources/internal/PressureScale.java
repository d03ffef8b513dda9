package flight.hal.resources.internal;

import java.util.Arrays;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePressure;

/**
 * The pressure levels of one budget in bytes: where each level is entered ({@code LOW} at half the warning
 * percentage, {@code MEDIUM} at four fifths of it, {@code HIGH} at it, {@code CRITICAL} at the critical percentage)
 * and the hysteresis margin below an entry point that usage must fall under before the level is left.
 */
final class PressureScale {
    private static final ResourcePressure[] LEVELS = ResourcePressure.values();

    final ResourceBudget budget;
    private final long[] entry = new long[LEVELS.length];
    private final long margin;

    PressureScale(ResourceBudget budget, int hysteresisPercent) {
        this.budget = budget;
        if (budget.isUnlimited()) {
            Arrays.fill(entry, 1, entry.length, Long.MAX_VALUE);
            margin = 0;
        } else {
            double warning = budget.warningPercent();
            entry[ResourcePressure.LOW.ordinal()] = bytes(warning / 2);
            entry[ResourcePressure.MEDIUM.ordinal()] = bytes(warning * 4 / 5);
            entry[ResourcePressure.HIGH.ordinal()] = bytes(warning);
            entry[ResourcePressure.CRITICAL.ordinal()] = bytes(budget.criticalPercent());
            margin = bytes(hysteresisPercent);
        }
    }

    private long bytes(double percent) {
        return (long) Math.ceil(budget.maxBytes() * percent / 100);
    }

    /** The level of {@code used} bytes, without history. */
    ResourcePressure levelOf(long used) {
        for (int level = LEVELS.length - 1; level > 0; level--) {
            if (used >= entry[level]) {
                return LEVELS[level];
            }
        }
        return ResourcePressure.NONE;
    }

    /**
     * {@code pressure} with the usages at which it may change: the hot path compares usage with these two numbers
     * and asks {@link #next} only outside them.
     */
    Level level(ResourcePressure pressure) {
        long rise = Long.MAX_VALUE;
        for (int above = pressure.ordinal() + 1; above < LEVELS.length; above++) {
            rise = Math.min(rise, entry[above]);
        }
        long fall = pressure == ResourcePressure.NONE ? Long.MIN_VALUE : entry[pressure.ordinal()] - margin;
        return new Level(pressure, rise, fall);
    }

    /**
     * A pressure level and where it may end: at usages from {@code rise} up a higher level may be due, below
     * {@code fall} a lower one; in between {@link #next} keeps it.
     */
    record Level(ResourcePressure pressure, long rise, long fall) {
        boolean holds(long used) {
            return used < rise && used >= fall;
        }
    }

    /** The level after {@code current} when usage is {@code used}: up at once, down only past the margin. */
    ResourcePressure next(ResourcePressure current, long used) {
        ResourcePressure raw = levelOf(used);
        if (raw.compareTo(current) >= 0) {
            return raw;
        }
        int level = current.ordinal();
        while (level > raw.ordinal() && used < entry[level] - margin) {
            level--;
        }
        return LEVELS[level];
    }
}
