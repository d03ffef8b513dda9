package flight.hal.driver.host.internal.memory;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

import flight.hal.memory.MemoryAllocation;

/**
 * The slots of one size class: the regions cut into them and the free ones, lock-free and allocation-free on the
 * take/give path.
 *
 * <p>Free slots sit on striped Treiber stacks, one per {@link ThreadStripe}, so threads that
 * allocate and release on their own do not touch each other's cache lines (the per-thread arenas of jemalloc and
 * Netty, without thread-locals). A thread gives a slot back to its own stripe and takes from it first, then from the
 * other stripes, and only when all are empty does it reserve a new region, under the class's lock. It takes another
 * stripe's slots all at once, its whole stack: taken one at a time, alternately with that stripe's own thread, the
 * slots of a region would end up dealt to two threads in turn, whose links and holders would then share every cache
 * line.
 *
 * <p>A slot id is its region's index shifted past the slot bits, plus the slot's index in the region. A stripe's head
 * holds a tag (high 32 bits), moved on by every change so that a stale pop's CAS fails (no ABA), and the top slot's id
 * plus 1 (low 32 bits, 0 for empty); the links are in the regions ({@link Region#next}).
 */
final class SizeClass {

    /** Stripe heads lie this many longs apart (128 bytes) so that two stripes never share a cache line. */
    private static final int PAD = 16;
    private static final long TAG = 1L << 32;
    private static final long SLOT_BITS = TAG - 1;
    private static final int DROPPED = -1;

    private final int slotShift;
    private final int slotsShift;
    private final int maxRegions;
    private final int stripeMask;
    private final AtomicLongArray heads;
    /** Replaced whole when it grows and changed only under this object's lock; read without it. */
    private volatile Region[] regions = new Region[4];

    /**
     * @param slotShift   log2 of the slot size
     * @param regionShift log2 of a region's size, at least {@code slotShift}
     * @param stripes     free-list stripes, a power of two
     */
    SizeClass(int slotShift, int regionShift, int stripes) {
        this.slotShift = slotShift;
        this.slotsShift = regionShift - slotShift;
        // slot ids + 1 stay below 2^31
        this.maxRegions = 1 << (30 - slotsShift);
        this.stripeMask = stripes - 1;
        this.heads = new AtomicLongArray(stripes * PAD);
    }

    /** A free slot, from a new region when none is free; -1 when direct memory is exhausted. */
    int take() {
        int own = ownStripe();
        int slot = pop(own * PAD);
        if (slot < 0) {
            slot = steal(own);
        }
        return slot >= 0 ? slot : grow(own);
    }

    /** Makes {@code slot}, taken from this class, free again; the calling thread will take it first. */
    void give(int slot) {
        int index = ownStripe() * PAD;
        Region region = region(slot);
        region.holders[slot & slotMask()] = null;
        int[] links = region.next;
        long head;
        do {
            head = heads.get(index);
            links[slot & slotMask()] = (int) head;
        } while (!heads.compareAndSet(index, head, ((head & ~SLOT_BITS) + TAG) | (slot + 1L)));
    }

    /**
     * Records {@code allocation} as what {@code slot}, taken by the caller, serves; the caller publishes it (the
     * handle table's lock) before anybody else asks.
     */
    void hold(int slot, MemoryAllocation allocation) {
        region(slot).holders[slot & slotMask()] = allocation;
    }

    /** The allocation {@code slot} serves, as {@link #hold} recorded it; null once it was given back. */
    MemoryAllocation holder(int slot) {
        return region(slot).holders[slot & slotMask()];
    }

    /** A view of the first {@code size} bytes of {@code slot}. */
    ByteBuffer buffer(int slot, int size) {
        return region(slot).slot(slot & slotMask(), size);
    }

    /**
     * Drops every region none of whose slots is taken, and returns their bytes. Takes every free slot off the stacks
     * first: a region all of whose slots it holds cannot be in anybody's hands. Concurrent takes meanwhile may find
     * the stacks empty and reserve a region; concurrent gives put their slots back beside it.
     */
    long trim() {
        int[] free = new int[64];
        int count = 0;
        for (int stripe = 0; stripe <= stripeMask; stripe++) {
            for (int slot = pop(stripe * PAD); slot >= 0; slot = pop(stripe * PAD)) {
                if (count == free.length) {
                    free = Arrays.copyOf(free, count * 2);
                }
                free[count++] = slot;
            }
        }
        long dropped = 0;
        int[] freeInRegion;
        synchronized (this) {
            Region[] all = regions;
            freeInRegion = new int[all.length];
            for (int i = 0; i < count; i++) {
                freeInRegion[free[i] >>> slotsShift]++;
            }
            for (int r = 0; r < all.length; r++) {
                if (all[r] != null && freeInRegion[r] == 1 << slotsShift) {
                    dropped += all[r].bytes();
                    all[r] = null;
                    freeInRegion[r] = DROPPED;
                }
            }
        }
        // decided under the lock: a region reserved since may already reuse a dropped region's index
        for (int i = 0; i < count; i++) {
            if (freeInRegion[free[i] >>> slotsShift] != DROPPED) {
                give(free[i]);
            }
        }
        return dropped;
    }

    /** Whether the region of {@code slot} is still the class's (not trimmed). */
    boolean holds(int slot) {
        Region[] all = regions;
        int region = slot >>> slotsShift;
        return slot >= 0 && region < all.length && all[region] != null;
    }

    /** How many regions the class holds. */
    int regionCount() {
        return (int) Arrays.stream(regions).filter(region -> region != null).count();
    }

    /**
     * Empties the first other stripe that has free slots, keeps its top slot for the caller and pushes the rest onto
     * stripe {@code own}; -1 when every other stripe is empty. The detached chain is the caller's alone: nobody
     * writes the links of free slots, and a pop that read the victim's head before fails its CAS on the moved tag.
     */
    private int steal(int own) {
        for (int i = 1; i <= stripeMask; i++) {
            int victim = ((own + i) & stripeMask) * PAD;
            for (long head = heads.get(victim); (int) head != 0; head = heads.get(victim)) {
                if (heads.compareAndSet(victim, head, (head & ~SLOT_BITS) + TAG)) {
                    int top = (int) head - 1;
                    int rest = region(top).next[top & slotMask()];
                    if (rest != 0) {
                        pushChain(own * PAD, rest - 1);
                    }
                    return top;
                }
            }
        }
        return -1;
    }

    /** Pushes the chain of free slots that starts at {@code first}, linked through {@link Region#next}, onto a stripe. */
    private void pushChain(int index, int first) {
        int last = first;
        for (int next = region(last).next[last & slotMask()]; next != 0; next = region(last).next[last & slotMask()]) {
            last = next - 1;
        }
        int[] links = region(last).next;
        long head;
        do {
            head = heads.get(index);
            links[last & slotMask()] = (int) head;
        } while (!heads.compareAndSet(index, head, ((head & ~SLOT_BITS) + TAG) | (first + 1L)));
    }

    private int pop(int index) {
        while (true) {
            long head = heads.get(index);
            int top = (int) head;
            if (top == 0) {
                return -1;
            }
            int slot = top - 1;
            Region region = regions[slot >>> slotsShift];
            // a region trimmed since the head was read: the head has changed, read it again
            int next = region == null ? 0 : region.next[slot & slotMask()];
            if (region != null && heads.compareAndSet(index, head, ((head & ~SLOT_BITS) + TAG) | next)) {
                return slot;
            }
        }
    }

    /**
     * Reserves a region, keeps its first slot for the caller and pushes the others onto stripe {@code own} as one
     * chain. Another thread may have freed or reserved slots while this one waited for the lock; it takes those
     * instead.
     */
    private synchronized int grow(int own) {
        int index = own * PAD;
        int taken = pop(index);
        if (taken < 0) {
            taken = steal(own);
        }
        if (taken >= 0) {
            return taken;
        }
        Region[] all = regions;
        int r = 0;
        while (r < all.length && all[r] != null) {
            r++;
        }
        int slots = 1 << slotsShift;
        Region region = r < maxRegions ? Region.reserve(slotShift, slots) : null;
        if (region == null) {
            return -1;
        }
        if (r == all.length) {
            all = Arrays.copyOf(all, Math.min(all.length * 2, maxRegions));
        }
        all[r] = region;
        regions = all;
        int first = r << slotsShift;
        for (int i = 1; i < slots - 1; i++) {
            region.next[i] = first + i + 2;
        }
        if (slots > 1) {
            long head;
            do {
                head = heads.get(index);
                region.next[slots - 1] = (int) head;
            } while (!heads.compareAndSet(index, head, ((head & ~SLOT_BITS) + TAG) | (first + 2L)));
        }
        return first;
    }

    private Region region(int slot) {
        return regions[slot >>> slotsShift];
    }

    private int slotMask() {
        return (1 << slotsShift) - 1;
    }

    private int ownStripe() {
        return ThreadStripe.current(stripeMask);
    }
}
