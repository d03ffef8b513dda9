package flight.hal.resources;

import java.util.Objects;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PowerOfTwo;

/**
 * A pool of fixed-size blocks of off-heap memory. The pool starts with {@code initialCount} blocks and grows (on a
 * miss) up to {@code maxCount}; every block it holds is charged to the {@code type}'s budget of the bundle that made
 * it. The record accepts any numbers; {@link #check()} judges them.
 *
 * @param type         the budget the pool's memory is charged to
 * @param blockSize    bytes per block
 * @param initialCount blocks made at once
 * @param maxCount     the most blocks the pool grows to
 * @param alignment    alignment of every block's first byte (a power of two, at most {@value #MAX_ALIGNMENT})
 * @param threadSafe   {@code false} for a pool used by one thread at a time, which then takes no atomic steps on
 *                     its free list
 * @param name         unique among the pools of the bundle
 */
public record PoolConfig(ResourceType type, int blockSize, int initialCount, int maxCount, int alignment,
                         boolean threadSafe, String name) {

    /** The largest block alignment: a 4 KiB page. */
    public static final int MAX_ALIGNMENT = 4096;

    public PoolConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Success, or an {@code INVALID_PARAMETER} error naming the value and the limit: a positive block size, counts
     * with {@code 0 <= initialCount <= maxCount} and {@code maxCount >= 1}, a power-of-two alignment, a name, and a
     * pool whose blocks fit in 2 GiB.
     */
    public HalResult<Void> check() {
        if (name.isBlank()) {
            return invalid("a pool needs a name");
        }
        if (blockSize <= 0) {
            return invalid("pool '" + name + "': block size must be positive, was " + blockSize);
        }
        if (maxCount < 1 || initialCount < 0 || initialCount > maxCount) {
            return invalid("pool '" + name + "': need 0 <= initial count <= max count and max count >= 1, was "
                    + initialCount + " and " + maxCount);
        }
        if (!PowerOfTwo.is(alignment) || alignment > MAX_ALIGNMENT) {
            return invalid("pool '" + name + "': alignment must be a power of two up to " + MAX_ALIGNMENT + ", was "
                    + alignment);
        }
        if (stride() * maxCount > Integer.MAX_VALUE - MAX_ALIGNMENT) {
            return invalid("pool '" + name + "': " + maxCount + " blocks of " + stride() + " bytes exceed 2 GiB");
        }
        return HalResult.ok();
    }

    /** Bytes from one block's start to the next: the block size rounded up to the alignment. */
    public long stride() {
        return ((long) blockSize + alignment - 1) / alignment * alignment;
    }

    private static HalResult<Void> invalid(String message) {
        return HalResult.err(HalError.invalidParameter(message));
    }
}
