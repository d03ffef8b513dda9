package flight.hal.driver.host.internal.memory;

import java.nio.ByteBuffer;

import flight.hal.HalError;
import flight.hal.HandleIssuer;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryFlag;

/**
 * Cuts allocations from large regions of direct memory, in power-of-two size classes from 16 B to 1 MiB, in the
 * spirit of jemalloc's and Netty's pooled allocators: no {@code ByteBuffer.allocateDirect} per request, so allocation
 * churn never drives the JVM's direct-memory limit into full collections.
 *
 * <p>A request takes a slot of the smallest class that holds both its size and its alignment; a class's slots are
 * aligned to their size up to {@link HostMemoryDriver#MAX_ALIGNMENT}, the largest alignment a request may ask, so
 * that satisfies the alignment too. Power-of-two classes keep this simple and fast at the cost of up to half a slot
 * unused. A request larger than the largest class (more than 1 MiB) gets a region of its own, reserved with
 * {@code allocateDirect} as Netty serves its huge allocations; it is dropped with its release and returns to the
 * platform when collected.
 *
 * <p>A released slot is reused by later allocations, as with any allocator: a caller that still uses a released
 * buffer sees (and corrupts) another allocation's bytes, but can never crash the JVM, since regions are never freed
 * by hand. {@link #trim()} drops regions with no live allocation; they return to the platform when collected.
 */
final class RegionAllocator {

    static final int SMALLEST_CLASS_SHIFT = 4;
    static final int LARGEST_CLASS_SHIFT = 20;
    /** A class's regions hold 256 slots, but span at least 64 KiB and at most 4 MiB. */
    private static final int SLOTS_SHIFT = 8;
    private static final int MIN_REGION_SHIFT = 16;
    private static final int MAX_REGION_SHIFT = 22;
    private static final byte[] ZEROS = new byte[4096];

    private final SizeClass[] classes = new SizeClass[LARGEST_CLASS_SHIFT - SMALLEST_CLASS_SHIFT + 1];

    RegionAllocator() {
        for (int i = 0; i < classes.length; i++) {
            int slotShift = SMALLEST_CLASS_SHIFT + i;
            int regionShift = Math.max(MIN_REGION_SHIFT, Math.min(MAX_REGION_SHIFT, slotShift + SLOTS_SHIFT));
            classes[i] = new SizeClass(slotShift, regionShift, ThreadStripe.COUNT);
        }
    }

    /**
     * Memory for {@code request}, which has passed the driver's checks (positive {@code int} size, power-of-two
     * alignment up to {@link HostMemoryDriver#MAX_ALIGNMENT}), named by a handle {@code handles} issue for
     * {@code owner} (the initialization's issuer) and entered into
     * {@code table}; null when the JVM's direct memory is exhausted. Zero-filled when the request asks for it: a
     * reused slot holds its last user's bytes.
     */
    MemoryAllocation place(AllocationRequest request, StripedHandles handles, HandleIssuer owner,
                           AllocationTable table) {
        int size = (int) request.size();
        int stripe = ThreadStripe.current();
        int home = classFor(size, request.alignment());
        ByteBuffer buffer;
        long place;
        if (home < 0) {
            buffer = Region.alignedDirect(size, request.alignment());
            place = Place.own(size, request.type(), stripe);
        } else {
            int slot = classes[home].take();
            buffer = slot < 0 ? null : classes[home].buffer(slot, size);
            if (buffer != null && request.has(MemoryFlag.ZERO_INITIALIZED)) {
                zero(buffer);
            }
            place = Place.slot(home, slot, size, request.type(), stripe);
        }
        if (buffer == null) {
            return null;
        }
        MemoryAllocation allocation = new MemoryAllocation(handles.issue(owner), buffer, request.size(),
                request.alignment(), request.flags(), request.type());
        if (home >= 0) {
            classes[home].hold(Place.slot(place), allocation);
        }
        table.add(allocation, place);
        return allocation;
    }

    /** The allocation a slot's {@code place} serves; null for memory of its own, which the handle table holds. */
    MemoryAllocation holder(long place) {
        int home = Place.home(place);
        return home < 0 ? null : classes[home].holder(Place.slot(place));
    }

    /**
     * Makes the memory at {@code place} reusable: a slot goes back to its class; memory of its own is left to the
     * collector, which returns it once nobody holds its buffer.
     */
    void release(long place) {
        int home = Place.home(place);
        if (home >= 0) {
            classes[home].give(Place.slot(place));
        }
    }

    /** The error of a request {@link #place} could not serve. */
    static HalError exhausted(AllocationRequest request) {
        return HalError.outOfMemory("direct memory exhausted: cannot allocate " + request.size()
                + " bytes aligned to " + request.alignment());
    }

    /** Drops every region that holds no live allocation; the bytes they held. */
    long trim() {
        long dropped = 0;
        for (SizeClass sizeClass : classes) {
            dropped += sizeClass.trim();
        }
        return dropped;
    }

    /** The index of the class that serves {@code size} bytes aligned to {@code alignment}; -1 when none is that large. */
    private static int classFor(int size, int alignment) {
        int bytes = Math.max(Math.max(size, alignment), 1 << SMALLEST_CLASS_SHIFT);
        int shift = 32 - Integer.numberOfLeadingZeros(bytes - 1);
        return shift > LARGEST_CLASS_SHIFT ? -1 : shift - SMALLEST_CLASS_SHIFT;
    }

    private static void zero(ByteBuffer buffer) {
        for (int at = 0, size = buffer.capacity(); at < size; at += ZEROS.length) {
            buffer.put(at, ZEROS, 0, Math.min(ZEROS.length, size - at));
        }
    }
}
