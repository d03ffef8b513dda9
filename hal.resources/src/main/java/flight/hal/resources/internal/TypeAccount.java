package flight.hal.resources.internal;

import flight.hal.resources.PressureListener;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourcePriority;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

/** One resource type over all bundles: usage, budget, pressure level and the acquisitions waiting for room. */
final class TypeAccount {
    final ResourceType type;
    final BudgetCounter usage = new BudgetCounter();
    final WaitQueue waiters = new WaitQueue();
    private final PressureListener changes;
    private volatile PressureScale scale = new PressureScale(ResourceBudget.unlimited(), 0);
    private volatile PressureScale.Level level = scale.level(ResourcePressure.NONE);

    /** {@code changes} hears of every pressure level change, in order, while this account's lock is held. */
    TypeAccount(ResourceType type, PressureListener changes) {
        this.type = type;
        this.changes = changes;
    }

    ResourceBudget budget() {
        return scale.budget;
    }

    PressureScale scale() {
        return scale;
    }

    long limitFor(ResourcePriority priority) {
        return scale.budget.limitFor(priority);
    }

    synchronized void rescale(ResourceBudget budget, int hysteresisPercent) {
        scale = new PressureScale(budget, hysteresisPercent);
        level = scale.level(level.pressure());
        settle();
    }

    /**
     * Moves the pressure level after a change of usage that left {@code used} bytes in use: one comparison with the
     * usages where the level may end, and the lock only when one was crossed.
     */
    void usageChanged(long used) {
        if (!level.holds(used)) {
            settle();
        }
    }

    /**
     * Takes and announces the level of the usage now, under the lock so announcements come in the order the levels
     * were taken. It reads usage again after each change: a change of usage that judged itself against the level
     * before was either seen by that read, or sees the new level and settles again itself.
     */
    private synchronized void settle() {
        PressureScale.Level now = level;
        ResourcePressure after;
        while ((after = scale.next(now.pressure(), usage.current())) != now.pressure()) {
            now = scale.level(after);
            level = now;
            changes.pressureChanged(type, after, stats());
        }
    }

    ResourcePressure pressure() {
        return level.pressure();
    }

    ResourceStats stats() {
        return usage.snapshot(type, scale.budget, level.pressure());
    }
}
