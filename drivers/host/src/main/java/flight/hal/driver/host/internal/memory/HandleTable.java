package flight.hal.driver.host.internal.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The live placements by handle: one open-addressed table (linear probing, deletion by shifting back, so no
 * tombstones pile up under churn) per {@link ThreadStripe}, each behind its own lock.
 *
 * <p>A thread enters what it allocates in its own stripe's table and looks a handle up there first, then in the
 * others', so threads that allocate and release their own memory never touch each other's cache lines, and a lock is
 * held only for a few array accesses (never while calling out). A {@code ConcurrentHashMap} allocates a node and a
 * boxed key per entry, and the consecutive handles that concurrent threads get land in bins whose cache lines both
 * threads then keep writing.
 */
final class HandleTable {

    private static final long FIBONACCI = 0x9E3779B97F4A7C15L;

    private final Segment[] segments = new Segment[ThreadStripe.COUNT];

    HandleTable() {
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment();
        }
    }

    /** Enters {@code placement} under {@code handle}, which no live entry has (handles are never reused). */
    void put(long handle, Placement placement) {
        segments[ThreadStripe.current()].put(handle, placement);
    }

    /** Removes and returns the entry of {@code handle}, or null: of two removals of one handle, one gets it. */
    Placement remove(long handle) {
        return find(handle, true);
    }

    /** The entry of {@code handle}, or null. */
    Placement get(long handle) {
        return find(handle, false);
    }

    /** Looks in the caller's own segment first: where what it allocated is. */
    private Placement find(long handle, boolean remove) {
        int own = ThreadStripe.current();
        for (int i = 0; i < segments.length; i++) {
            Segment segment = segments[(own + i) & (segments.length - 1)];
            Placement found = remove ? segment.remove(handle) : segment.get(handle);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    int size() {
        int size = 0;
        for (Segment segment : segments) {
            size += segment.size();
        }
        return size;
    }

    /** The live entries, segment by segment: each segment's exact, not one snapshot of all. */
    List<Placement> values() {
        List<Placement> values = new ArrayList<>();
        for (Segment segment : segments) {
            segment.addValuesTo(values);
        }
        return values;
    }

    void clear() {
        for (Segment segment : segments) {
            segment.clear();
        }
    }

    /** Where a handle's probe starts: a Fibonacci hash spreads the handles of one thread, which are not consecutive. */
    private static int home(long handle, int mask) {
        return (int) ((handle * FIBONACCI) >>> 32) & mask;
    }

    /** One segment: keys (0 for an empty slot; no handle is 0) and values side by side, at most half full. */
    private static final class Segment {
        private long[] keys = new long[16];
        private Placement[] values = new Placement[16];
        private int size;

        synchronized void put(long handle, Placement placement) {
            if ((size + 1) * 2 > keys.length) {
                resize();
            }
            int mask = keys.length - 1;
            int i = home(handle, mask);
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = handle;
            values[i] = placement;
            size++;
        }

        synchronized Placement get(long handle) {
            int i = indexOf(handle);
            return i < 0 ? null : values[i];
        }

        synchronized Placement remove(long handle) {
            int i = indexOf(handle);
            if (i < 0) {
                return null;
            }
            Placement removed = values[i];
            size--;
            // shift back every later entry of the run that may no longer be reached past the gap at i
            int mask = keys.length - 1;
            for (int j = (i + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
                int home = home(keys[j], mask);
                boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
                if (!stays) {
                    keys[i] = keys[j];
                    values[i] = values[j];
                    i = j;
                }
            }
            keys[i] = 0;
            values[i] = null;
            return removed;
        }

        synchronized int size() {
            return size;
        }

        synchronized void addValuesTo(List<Placement> into) {
            for (Placement value : values) {
                if (value != null) {
                    into.add(value);
                }
            }
        }

        synchronized void clear() {
            Arrays.fill(keys, 0);
            Arrays.fill(values, null);
            size = 0;
        }

        private int indexOf(long handle) {
            int mask = keys.length - 1;
            for (int i = home(handle, mask); keys[i] != 0; i = (i + 1) & mask) {
                if (keys[i] == handle) {
                    return i;
                }
            }
            return -1;
        }

        private void resize() {
            long[] oldKeys = keys;
            Placement[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new Placement[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }
    }
}
