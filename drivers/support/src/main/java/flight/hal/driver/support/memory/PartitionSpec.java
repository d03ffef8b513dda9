package flight.hal.driver.support.memory;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import flight.hal.PowerOfTwo;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryType;

/**
 * One partition of a profile's memory region and which requests it serves.
 *
 * @param name         for stats and messages, e.g. {@code "main"}
 * @param type         the memory it is; allocations it serves for other requests report this type
 * @param serves       request types it serves directly
 * @param offset       where it starts in the region, in bytes
 * @param capacity     its size in bytes, a multiple of {@code alignment}
 * @param alignment    the alignment of every block, in bytes (a power of two)
 * @param minBlock     the smallest block it hands out, a multiple of {@code alignment}
 * @param preferredFor requests carrying this flag try this partition before the ones serving their type; may be null
 * @param fallbackFor  requests carrying this flag try this partition after the ones serving their type; may be null
 */
public record PartitionSpec(String name, MemoryType type, Set<MemoryType> serves, long offset, long capacity,
                       int alignment, int minBlock, MemoryFlag preferredFor, MemoryFlag fallbackFor) {

    public PartitionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        serves = serves.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(serves));
        if (!PowerOfTwo.is(alignment) || offset % alignment != 0
                || capacity < minBlock || capacity % alignment != 0 || minBlock < alignment
                || minBlock % alignment != 0) {
            throw new IllegalArgumentException("inconsistent partition " + name + ": offset " + offset + ", capacity "
                    + capacity + ", alignment " + alignment + ", minimum block " + minBlock);
        }
    }

    /**
     * A partition of {@code share} of {@code bankBytes} starting at {@code offset}, its capacity rounded down to whole
     * blocks of {@code alignment}, serving requests of {@code serves}.
     */
    public static PartitionSpec share(String name, MemoryType type, long offset, long bankBytes, double share,
                                 int alignment, int minBlock, MemoryType... serves) {
        long capacity = (long) (bankBytes * share) / alignment * alignment;
        return new PartitionSpec(name, type, Set.of(serves), offset, capacity, alignment, minBlock, null, null);
    }

    /** This partition, tried first by requests carrying {@code flag}. */
    public PartitionSpec preferredFor(MemoryFlag flag) {
        return new PartitionSpec(name, type, serves, offset, capacity, alignment, minBlock, flag, fallbackFor);
    }

    /** This partition, tried last by requests carrying {@code flag}. */
    public PartitionSpec fallbackFor(MemoryFlag flag) {
        return new PartitionSpec(name, type, serves, offset, capacity, alignment, minBlock, preferredFor, flag);
    }

    /** The first byte after the partition. */
    long end() {
        return offset + capacity;
    }
}
