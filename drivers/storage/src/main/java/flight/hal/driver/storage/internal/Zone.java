package flight.hal.driver.storage.internal;

import flight.hal.storage.ZoneInfo;
import flight.hal.storage.ZoneState;

/**
 * One zone of a zoned device. Changes happen under the zone's own lock, taken by {@link ZoneTable}; readers see the
 * latest write pointer and state without it.
 */
final class Zone {
    final int index;
    final long start;
    final long size;
    final long capacity;
    /** READ_ONLY or OFFLINE when injected by configuration, else null; not persisted. */
    final ZoneState injected;
    /** Blocks written since the last reset: the write pointer relative to the start. */
    volatile long written;
    /** The persisted state: EMPTY, one of the open states, CLOSED or FULL. */
    volatile ZoneState state;

    Zone(int index, long start, long size, long capacity, ZoneState injected, long written, ZoneState state) {
        this.index = index;
        this.start = start;
        this.size = size;
        this.capacity = capacity;
        this.injected = injected;
        this.written = written;
        this.state = state;
    }

    /** The state a report shows: an injected failure wins over the persisted state. */
    ZoneState reportedState() {
        return injected != null ? injected : state;
    }

    ZoneInfo info() {
        return new ZoneInfo(index, start, size, capacity, start + written, reportedState());
    }

    /** Whether blocks {@code [lba, lba + blocks)} lie inside this zone. */
    boolean spans(long lba, long blocks) {
        return lba >= start && lba + blocks <= start + size;
    }

    /** The state after {@code blocks} more are written: open (explicitly if it was, else implicitly), or full. */
    ZoneState stateAfter(long blocks) {
        return written + blocks == capacity ? ZoneState.FULL
                : state == ZoneState.EXPLICITLY_OPEN ? state : ZoneState.IMPLICITLY_OPEN;
    }
}
