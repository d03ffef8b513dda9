package flight.hal.driver.support.memory;

import flight.hal.memory.MemoryAllocation;

/**
 * What every memory driver's {@code reallocate} does between making the new allocation and releasing the old one.
 *
 * @since 1.2
 */
public final class Reallocation {

    private Reallocation() {
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
