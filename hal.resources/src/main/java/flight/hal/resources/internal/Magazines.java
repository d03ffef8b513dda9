package flight.hal.resources.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

import flight.hal.PowerOfTwo;

/**
 * The free list of a thread-safe pool: magazines (small stacks of free blocks, as jemalloc's tcache and Netty's
 * PoolThreadCache keep per thread) in front of a shared lock-free list. A pop takes the top of the calling thread's
 * magazine, refilling half a magazine from the shared list in one compare-and-set when it is empty; a push puts the
 * block on the magazine, moving its older half to the shared list in one compare-and-set when it is full. A thread
 * that keeps releasing and acquiring touches only its own cache lines.
 *
 * <p>The magazines belong to the pool, not to the threads: a thread uses the slot its id hashes to (Fibonacci
 * hashing, which gives threads made one after another different slots) and claims it with a compare-and-set for
 * the few steps of one call. There is no {@link ThreadLocal}: its value would keep the pool, its slabs and the
 * owning bundle's class loader reachable from every thread that ever used the pool, long after the bundle stopped.
 * Threads that share a slot stay correct: one that finds the slot claimed uses the shared list directly. A claim is
 * held only for array and lock-free list steps, never while waiting for anything, so {@link #reclaim()} and
 * {@link #close()} may spin until a claimed slot is free.
 *
 * <p>The counts are kept per slot, each written only by the slot's claimer (release stores, read with acquire
 * loads), so the hit path writes no shared counter. Read while calls are in flight they lag by those calls; at rest
 * they are exact.
 */
final class Magazines implements FreeList {
    /** The largest magazine: enough to make trips to the shared list rare, few enough blocks kept aside per slot. */
    static final int MAX_MAGAZINE = 32;
    /** The most slots: four per processor up to 64 processors. */
    static final int MAX_SLOTS = 256;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    /** Longs per slot, and ints of padding after each magazine: 128 bytes, so no two threads' slots share a line. */
    private static final int STRIDE = 16;
    private static final int PAD = 32;
    /* A slot's fields, from its start: the claim, the blocks in its magazine, blocks popped and pushed through it. */
    private static final int CLAIM = 0;
    private static final int COUNT = 1;
    private static final int TAKEN = 2;
    private static final int GIVEN = 3;
    /* The claim's states. */
    private static final long FREE = 0;
    private static final long BUSY = 1;
    private static final long CLOSED = 2;
    private static final long FIBONACCI = 0x9E37_79B9_7F4A_7C15L;

    private final ConcurrentFreeList shared;
    /** Slot i's fields from (i + 1) * STRIDE: the first slot is kept off the array header's line too. */
    private final long[] slots;
    /** Magazine i from (i + 1) * magazineStride, bottom first. */
    private final int[] magazines;
    private final int slotCount;
    private final int slotBits;
    private final int size;
    private final int batch;
    private final int magazineStride;
    /** Blocks popped from and pushed to the shared list directly, by threads that found their slot claimed. */
    private final LongAdder takenShared = new LongAdder();
    private final LongAdder givenShared = new LongAdder();

    /** {@code slotCount} (a power of two) magazines of {@code size} blocks in front of {@code shared}. */
    Magazines(ConcurrentFreeList shared, int slotCount, int size) {
        if (!PowerOfTwo.is(slotCount) || size < 1) {
            throw new IllegalArgumentException("slots " + slotCount + ", magazine size " + size);
        }
        this.shared = shared;
        this.slotCount = slotCount;
        this.slotBits = Integer.numberOfTrailingZeros(slotCount);
        this.size = size;
        this.batch = Math.max(1, size / 2);
        this.magazineStride = size + PAD;
        this.slots = new long[(slotCount + 1) * STRIDE];
        this.magazines = new int[(slotCount + 1) * magazineStride];
    }

    /**
     * Magazines for a pool of up to {@code capacity} blocks: four slots per processor (at least 16, so that threads
     * rarely share one) and magazines small enough that at most half the pool is kept aside.
     */
    static Magazines forPool(int capacity) {
        int wanted = Math.min(MAX_SLOTS, Math.max(16, 4 * Runtime.getRuntime().availableProcessors()));
        int slotCount = Integer.highestOneBit(2 * wanted - 1);
        int size = Math.max(1, Math.min(MAX_MAGAZINE, capacity / (2 * slotCount)));
        return new Magazines(new ConcurrentFreeList(capacity), slotCount, size);
    }

    @Override
    public int pop() {
        int slot = slotOfThisThread();
        int at = fields(slot);
        long claim = (long) SLOT.compareAndExchange(slots, at + CLAIM, FREE, BUSY);
        if (claim != FREE) {
            return claim == CLOSED ? -1 : popShared();
        }
        try {
            int base = magazine(slot);
            int count = (int) slots[at + COUNT];
            if (count == 0) {
                count = shared.popBatch(magazines, base, batch);
                if (count == 0) {
                    return -1;
                }
            }
            slots[at + COUNT] = --count;
            SLOT.setRelease(slots, at + TAKEN, slots[at + TAKEN] + 1);
            return magazines[base + count];
        } finally {
            SLOT.setRelease(slots, at + CLAIM, FREE);
        }
    }

    private int popShared() {
        int index = shared.pop();
        if (index >= 0) {
            takenShared.increment();
        }
        return index;
    }

    @Override
    public void push(int index) {
        int slot = slotOfThisThread();
        int at = fields(slot);
        if (!SLOT.compareAndSet(slots, at + CLAIM, FREE, BUSY)) {
            shared.push(index);
            givenShared.increment();
            return;
        }
        try {
            int base = magazine(slot);
            int count = (int) slots[at + COUNT];
            if (count == size) {
                shared.pushBatch(magazines, base, batch);
                count -= batch;
                System.arraycopy(magazines, base + batch, magazines, base, count);
            }
            magazines[base + count] = index;
            slots[at + COUNT] = count + 1;
            SLOT.setRelease(slots, at + GIVEN, slots[at + GIVEN] + 1);
        } finally {
            SLOT.setRelease(slots, at + CLAIM, FREE);
        }
    }

    @Override
    public long taken() {
        return takenShared.sum() + sum(TAKEN);
    }

    @Override
    public long givenBack() {
        return givenShared.sum() + sum(GIVEN);
    }

    private long sum(int field) {
        long sum = 0;
        for (int slot = 0; slot < slotCount; slot++) {
            sum += (long) SLOT.getAcquire(slots, fields(slot) + field);
        }
        return sum;
    }

    @Override
    public void reclaim() {
        emptyEach(FREE);
    }

    @Override
    public void close() {
        emptyEach(CLOSED);
    }

    /** Moves every magazine's blocks to the shared list, claiming each slot in turn and leaving it {@code then}. */
    private void emptyEach(long then) {
        for (int slot = 0; slot < slotCount; slot++) {
            int at = fields(slot);
            long claim;
            while ((claim = (long) SLOT.compareAndExchange(slots, at + CLAIM, FREE, BUSY)) == BUSY) {
                Thread.onSpinWait();
            }
            if (claim == CLOSED) {
                continue;
            }
            int count = (int) slots[at + COUNT];
            if (count > 0) {
                shared.pushBatch(magazines, magazine(slot), count);
                slots[at + COUNT] = 0;
            }
            SLOT.setRelease(slots, at + CLAIM, then);
        }
    }

    /** The calling thread's slot: the top bits of its id times 2^64 / golden ratio. */
    private int slotOfThisThread() {
        return (int) ((Thread.currentThread().getId() * FIBONACCI) >>> 32 >>> (32 - slotBits));
    }

    private static int fields(int slot) {
        return (slot + 1) * STRIDE;
    }

    private int magazine(int slot) {
        return (slot + 1) * magazineStride;
    }
}
