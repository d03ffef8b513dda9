package flight.hal.resources.internal;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

/**
 * Lock-free accounting of bytes in use against a limit. {@link #add(long, long)} is a compare-and-set loop that
 * refuses any addition that would bring usage above the limit, so concurrent reservations never overshoot and never
 * lose an update. Usage never passes {@link Long#MAX_VALUE}: every sum is judged by {@link ByteSums}.
 *
 * <p>What a {@linkplain #snapshot snapshot} shows: usage is exact at every moment (it is the one word the limit is
 * checked against) and never above the limit of a non-forced addition; the peak is the exact highest usage any
 * committed addition reached. The counts of acquisitions and releases are kept per thread ({@link ThreadCounts}) and
 * overruns are striped ({@link LongAdder}), so a snapshot taken while calls are in flight may miss the latest ones;
 * it is exact once they returned. Releases are read before acquisitions, and a release follows its acquisition, so
 * the active count it shows is never negative.
 *
 * <p>Usage and peak each sit on cache lines of their own, so threads charging one counter do not also fight over the
 * lines of its neighbours (the padding of JCTools' and Agrona's counters).
 */
final class BudgetCounter {
    /** Longs between two hot words: 128 bytes, two cache lines, as adjacent lines are fetched in pairs. */
    private static final int PAD = 16;
    private static final int CURRENT = PAD;
    private static final int PEAK = 2 * PAD;
    private static final int ACQUISITIONS = 0;
    private static final int RELEASES = 1;

    private final AtomicLongArray words = new AtomicLongArray(3 * PAD);
    /** Acquisitions and releases, counted per thread: no atomic instruction on the path every acquisition takes. */
    private final ThreadCounts counts = new ThreadCounts(2);
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
        long used = words.get(CURRENT);
        while (ByteSums.fits(used, bytes, limit)) {
            long seen = words.compareAndExchange(CURRENT, used, used + bytes);
            if (seen == used) {
                return used + bytes;
            }
            // lost to another thread: a pause before retrying keeps two threads from failing each other in turn
            Thread.onSpinWait();
            used = seen;
        }
        return -1;
    }

    /** Records a reservation that stands: {@code used} (from {@link #add}) may be a new peak, or over {@code limit}. */
    void committed(long used, long limit) {
        raisePeak(used);
        if (used > limit) {
            overruns.increment();
        }
    }

    /** Takes {@code bytes} back; the usage right after. */
    long subtract(long bytes) {
        return words.addAndGet(CURRENT, -bytes);
    }

    void countAcquisition() {
        counts.increment(ACQUISITIONS);
    }

    void countRelease() {
        counts.increment(RELEASES);
    }

    long current() {
        return words.get(CURRENT);
    }

    /** Only a new peak writes: the peak's line stays shared among the threads while usage stays below it. */
    private void raisePeak(long used) {
        long seen = words.get(PEAK);
        while (used > seen) {
            long witness = words.compareAndExchange(PEAK, seen, used);
            if (witness == seen) {
                return;
            }
            seen = witness;
        }
    }

    /** The counters as stats; releases are read before acquisitions so the active count is never negative. */
    ResourceStats snapshot(ResourceType type, ResourceBudget budget, ResourcePressure pressure) {
        long released = counts.sum(RELEASES);
        long acquired = counts.sum(ACQUISITIONS);
        return new ResourceStats(type, words.get(CURRENT), words.get(PEAK), acquired, acquired - released,
                overruns.sum(), budget, pressure);
    }
}
