package flight.hal.driver.host.internal.memory;

import java.nio.ByteBuffer;

import flight.hal.memory.MemoryAllocation;

/**
 * One large block of direct memory cut into equal slots of one size class, with the links of the free slots.
 *
 * <p>The base is aligned to the slot size (at most {@link HostMemoryDriver#MAX_ALIGNMENT}), so every slot is aligned
 * to its own size up to that limit. A region is never freed by hand: the buffers cut from it keep it reachable, so it
 * returns to the platform only when it has been dropped and no caller holds one of them any more.
 */
final class Region {

    private final ByteBuffer base;
    private final int slotShift;
    /**
     * Per slot, the free list's next entry as the stack encodes it (slot id + 1, 0 for the end). Written only by the
     * thread that owns the slot before it publishes the slot with a CAS; a stale read is caught by the stack's tag.
     */
    final int[] next;
    /**
     * Per slot, the allocation it serves, or null while free. Indexed by slot, which the churn of a ring of buffers
     * reuses in order, so the collector's card marking of these stores stays on few cards; a table hashed by handle
     * would dirty a new card with nearly every allocation, which G1 then refines on a processor the callers need.
     */
    final MemoryAllocation[] holders;

    private Region(ByteBuffer base, int slotShift, int slots) {
        this.base = base;
        this.slotShift = slotShift;
        this.next = new int[slots];
        this.holders = new MemoryAllocation[slots];
    }

    /**
     * A region of {@code slots} slots of {@code 1 << slotShift} bytes; null when the JVM's direct memory is exhausted.
     * Direct memory is zero-filled when it is reserved.
     */
    static Region reserve(int slotShift, int slots) {
        ByteBuffer base = alignedDirect(slots << slotShift, Math.min(1 << slotShift, HostMemoryDriver.MAX_ALIGNMENT));
        return base == null ? null : new Region(base, slotShift, slots);
    }

    /**
     * {@code size} bytes of new, zero-filled direct memory whose first byte is aligned to {@code alignment}: a view
     * into a buffer {@code alignment - 1} bytes larger. Null when the JVM's direct memory is exhausted.
     */
    static ByteBuffer alignedDirect(int size, int alignment) {
        ByteBuffer raw;
        try {
            raw = ByteBuffer.allocateDirect(size + alignment - 1);
        } catch (OutOfMemoryError e) {
            return null;
        }
        int offset = raw.alignmentOffset(0, alignment);
        return raw.slice(offset == 0 ? 0 : alignment - offset, size);
    }

    /** A view of the first {@code size} bytes of slot {@code index}. */
    ByteBuffer slot(int index, int size) {
        return base.slice(index << slotShift, size);
    }

    /** Bytes of direct memory the region holds. */
    long bytes() {
        return base.capacity();
    }
}
