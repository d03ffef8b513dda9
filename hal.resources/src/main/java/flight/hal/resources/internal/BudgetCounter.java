package flight.hal.resources.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

/**
 * Lock-free accounting of bytes in use against a limit. {@link #tryAdd(long, long)} is a compare-and-set loop that
 * refuses any addition that would bring usage above the limit, so concurrent reservations never overshoot and never
 * lose an update.
 */
final class BudgetCounter {
    private final AtomicLong current = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final LongAdder acquisitions = new LongAdder();
    private final LongAdder releases = new LongAdder();
    private final LongAdder overruns = new LongAdder();

    /** Adds {@code bytes} unless usage would then exceed {@code limit}; {@code false} when refused. */
    boolean tryAdd(long bytes, long limit) {
        long used;
        do {
            used = current.get();
            if (bytes > limit - used) {
                return false;
            }
        } while (!current.compareAndSet(used, used + bytes));
        raisePeak(used + bytes);
        return true;
    }

    /** Adds {@code bytes} whatever the limit; counts an overrun when usage then exceeds {@code limit}. */
    void force(long bytes, long limit) {
        long used = current.addAndGet(bytes);
        raisePeak(used);
        if (used > limit) {
            overruns.increment();
        }
    }

    void subtract(long bytes) {
        current.addAndGet(-bytes);
    }

    void countAcquisition() {
        acquisitions.increment();
    }

    void countRelease() {
        releases.increment();
    }

    long current() {
        return current.get();
    }

    private void raisePeak(long used) {
        long seen = peak.get();
        while (used > seen && !peak.compareAndSet(seen, used)) {
            seen = peak.get();
        }
    }

    /** The counters as stats; releases are read before acquisitions so the active count is never negative. */
    ResourceStats snapshot(ResourceType type, ResourceBudget budget, ResourcePressure pressure) {
        long released = releases.sum();
        long acquired = acquisitions.sum();
        return new ResourceStats(type, current.get(), peak.get(), acquired, acquired - released, overruns.sum(),
                budget, pressure);
    }
}
