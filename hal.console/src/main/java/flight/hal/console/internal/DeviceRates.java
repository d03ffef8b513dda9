package flight.hal.console.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import flight.hal.storage.DeviceStats;

/**
 * Throughput of each device from successive readings of its counters: the difference to a reading at least
 * {@link #MIN_INTERVAL_NANOS} older, so that several open pages do not measure over tiny intervals.
 */
final class DeviceRates {
    static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** Bytes read and written, and requests completed, per second. */
    record Rates(double readBytesPerSecond, double writtenBytesPerSecond, double completedPerSecond) {
    }

    private record Reading(long nanos, DeviceStats stats, Rates rates) {
    }

    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    /** The device's rates up to {@code stats} read at {@code nanos}; empty until a second reading. */
    Optional<Rates> update(String device, DeviceStats stats, long nanos) {
        Reading last = readings.get(device);
        if (last == null) {
            readings.putIfAbsent(device, new Reading(nanos, stats, null));
            return Optional.empty();
        }
        long elapsed = nanos - last.nanos();
        if (elapsed < MIN_INTERVAL_NANOS) {
            return Optional.ofNullable(last.rates());
        }
        double seconds = elapsed / 1e9;
        Rates rates = new Rates(Math.max(0, stats.bytesRead() - last.stats().bytesRead()) / seconds,
                Math.max(0, stats.bytesWritten() - last.stats().bytesWritten()) / seconds,
                Math.max(0, stats.completed() - last.stats().completed()) / seconds);
        readings.replace(device, last, new Reading(nanos, stats, rates));
        return Optional.of(rates);
    }

    /** Forgets devices no longer present. */
    void retain(java.util.Set<String> devices) {
        readings.keySet().retainAll(devices);
    }
}
