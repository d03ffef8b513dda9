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
    private volatile ResourcePressure pressure = ResourcePressure.NONE;

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

    void rescale(ResourceBudget budget, int hysteresisPercent) {
        scale = new PressureScale(budget, hysteresisPercent);
        checkPressure();
    }

    /**
     * Moves the pressure level after a change of usage. Lock-free while the level stays; a change is made and
     * announced under the lock, so announcements come in the order the levels were taken.
     */
    void checkPressure() {
        ResourcePressure now = pressure;
        if (scale.next(now, usage.current()) == now) {
            return;
        }
        synchronized (this) {
            ResourcePressure before = pressure;
            ResourcePressure after = scale.next(before, usage.current());
            if (after != before) {
                pressure = after;
                changes.pressureChanged(type, after, stats());
            }
        }
    }

    ResourcePressure pressure() {
        return pressure;
    }

    ResourceStats stats() {
        return usage.snapshot(type, scale.budget, pressure);
    }
}
