package flight.hal.driver.support.memory;

import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

import flight.hal.HalResult;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;

/**
 * What every memory driver's {@code reallocate} does: a new allocation, the old bytes copied, the old one released.
 *
 * @since 1.2
 */
public final class Reallocation {

    private Reallocation() {
    }

    /**
     * Moves {@code old} into a new allocation made by {@code allocate} for {@code resized}: copies its prefix, then
     * releases it with {@code release}. On an allocation error the old allocation is untouched and the error returned.
     * When {@code release} finds the old allocation gone (another thread released it meanwhile), the move is undone:
     * the new allocation is released too and the call answers {@code releasedMeanwhile}, as if the handle had been
     * unknown all along.
     *
     * @param release releases the allocation of a handle; false when no live allocation had it
     * @since 2.0
     */
    public static HalResult<MemoryAllocation> move(MemoryAllocation old, AllocationRequest resized,
            Function<AllocationRequest, HalResult<MemoryAllocation>> allocate, LongPredicate release,
            Supplier<HalResult<MemoryAllocation>> releasedMeanwhile) {
        HalResult<MemoryAllocation> moved = allocate.apply(resized);
        if (moved.isErr()) {
            return moved;
        }
        copyPrefix(old, moved.valueOrNull());
        if (!release.test(old.handle())) {
            release.test(moved.valueOrNull().handle());
            return releasedMeanwhile.get();
        }
        return moved;
    }

    /**
     * Copies the first {@code min(from.size(), to.size())} bytes of {@code from} into {@code to}. The buffers'
     * positions and limits belong to the caller, who may have moved them anywhere: the copy goes through views of the
     * whole of each buffer and leaves both as they were.
     */
    public static void copyPrefix(MemoryAllocation from, MemoryAllocation to) {
        int length = (int) Math.min(from.size(), to.size());
        to.buffer().duplicate().clear().put(0, from.buffer().duplicate().clear(), 0, length);
    }
}
