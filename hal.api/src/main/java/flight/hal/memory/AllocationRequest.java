package flight.hal.memory;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PowerOfTwo;

/**
 * What a caller asks a memory driver for. The record accepts any numbers; a driver judges them with
 * {@link #check(long, int)} and answers out-of-range values with an error result.
 *
 * @param size      bytes wanted
 * @param alignment required alignment of the first byte, in bytes (a power of two)
 * @param flags     what the memory is for
 * @param type      which memory to take it from
 */
public record AllocationRequest(long size, int alignment, Set<MemoryFlag> flags, MemoryType type) {

    public AllocationRequest {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(type, "type");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** {@code size} bytes of system memory, word aligned, no flags. */
    public static AllocationRequest of(long size) {
        return of(size, MemoryAlignment.WORD);
    }

    /** {@code size} bytes of system memory with the given alignment, no flags. */
    public static AllocationRequest of(long size, MemoryAlignment alignment) {
        return new AllocationRequest(size, alignment.bytes(), Set.of(), MemoryType.SYSTEM);
    }

    /** This request with {@code flags} instead of its own. */
    public AllocationRequest withFlags(MemoryFlag... flags) {
        return new AllocationRequest(size, alignment, Set.of(flags), type);
    }

    /** This request for memory of {@code type}. */
    public AllocationRequest withType(MemoryType type) {
        return new AllocationRequest(size, alignment, flags, type);
    }

    /** Whether the request carries {@code flag}. */
    public boolean has(MemoryFlag flag) {
        return flags.contains(flag);
    }

    /**
     * Checks {@code request} like {@link #check(long, int)}, and refuses a null request with an
     * {@code INVALID_PARAMETER} error: what every driver's {@code allocate} does first.
     *
     * @since 1.2
     */
    public static HalResult<Void> check(AllocationRequest request, long maxAllocationSize, int maxAlignment) {
        return request == null ? HalResult.err(HalError.invalidParameter("the allocation request is null"))
                : request.check(maxAllocationSize, maxAlignment);
    }

    /**
     * Checks size and alignment against a driver's limits: the size must be positive and at most
     * {@code maxAllocationSize}; the alignment a power of two no larger than {@code maxAlignment}.
     *
     * @return success, or an {@code INVALID_PARAMETER} / {@code INSUFFICIENT_RESOURCES} error naming the value and
     *         the limit
     */
    public HalResult<Void> check(long maxAllocationSize, int maxAlignment) {
        if (size <= 0) {
            return HalResult.err(HalError.invalidParameter("allocation size must be positive, was " + size));
        }
        if (!PowerOfTwo.is(alignment)) {
            return HalResult.err(HalError.invalidParameter(
                    "alignment must be a positive power of two, was " + alignment));
        }
        if (alignment > maxAlignment) {
            return HalResult.err(HalError.invalidParameter(
                    "alignment " + alignment + " exceeds the largest supported alignment of " + maxAlignment));
        }
        if (size > maxAllocationSize) {
            return HalResult.err(HalError.insufficientResources(
                    "requested " + size + " bytes exceeds the maximum single allocation of "
                            + maxAllocationSize + " bytes"));
        }
        return HalResult.ok();
    }
}
