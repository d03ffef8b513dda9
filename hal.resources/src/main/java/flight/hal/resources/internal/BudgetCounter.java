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
 * lose an update. Usage never passes {@link Long#MAX_VALUE}: every sum is judged by {@link ByteSums}.
 */
final class BudgetCounter {
    private final AtomicLong current = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final LongAdder acquisitions = new LongAdder();
    private final LongAdder releases = new LongAdder();
    private final LongAdder overruns = new LongAdder();

    /** Adds {@code bytes} unless usage would then exceed {@code limit}; {@code false} when refused. */
    boolean tryAdd(long bytes, long limit) {
        long used = add(bytes, limit);
        if (used < 0) {
            return false;
        }
        committed(used, limit);
        return true;
    }

    /**
     * Adds {@code bytes} whatever the limit, and counts an overrun when usage then exceeds {@code limit}; refuses
     * ({@code false}) only an addition that would bring usage past {@code Long.MAX_VALUE}, which no budget can hold.
     */
    boolean force(long bytes, long limit) {
        long used = add(bytes, Long.MAX_VALUE);
        if (used < 0) {
            return false;
        }
        committed(used, limit);
        return true;
    }

    /**
     * Adds {@code bytes} unless usage would then exceed {@code limit}, without touching the peak or the overruns: a
     * reservation that another budget then refuses is {@linkplain #subtract(long) taken back} leaving no trace, and
     * one that stands is {@linkplain #committed(long, long) committed}.
     *
     * @return the usage right after the addition, or -1 when refused (nothing is added then)
     */
    long add(long bytes, long limit) {
        long used;
        do {
            used = current.get();
            if (!ByteSums.fits(used, bytes, limit)) {
                return -1;
            }
        } while (!current.compareAndSet(used, used + bytes));
        return used + bytes;
    }

    /** Records a reservation that stands: {@code used} (from {@link #add}) may be a new peak, or over {@code limit}. */
    void committed(long used, long limit) {
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
