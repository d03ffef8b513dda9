package flight.hal.resources.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.PoolBlock;
import flight.hal.resources.PoolConfig;
import flight.hal.resources.PoolStats;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceHandle;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourcePool;

/**
 * Fixed-size blocks sliced from direct-buffer slabs. Every block object is made with its slab, so a hit is a pop from
 * the free list (for a thread-safe pool, from the calling thread's magazine) and returns a result made in advance:
 * O(1) and no allocation. A miss takes the growth lock, brings back the blocks other threads' magazines keep aside,
 * and only when none is free hands out a block never used before, growing the pool when it has none by a slab as
 * large as the pool already is (at least one block, at most up to {@code maxCount}), charged to the budget.
 *
 * <p>Blocks never used before are handed out in index order, only under the lock and only when no used block is
 * free, so the most blocks in use at once (the high-water mark) is how many were ever handed out. The stats are
 * exact at rest; while calls are in flight, used blocks and hits lag by those calls, and a block released during
 * another thread's miss may make that miss take a new block and so count one block too many in the high-water mark.
 */
final class BlockPool implements ResourcePool {
    /**
     * The most blocks a pool may grow to. A pool keeps a block slot and a free-list link for every block it may grow
     * to from the start (so growth never reallocates under the lock-free hit path): 2^20 blocks cost 8 MiB of heap.
     */
    static final int MAX_BLOCKS = 1 << 20;
    private final long id;
    private final PoolConfig config;
    private final BundleAccount owner;
    private final Ledger ledger;
    private final LeakLog leaks;
    private final Block[] blocks;
    private final FreeList free;
    /** Misses, and blocks handed out after a miss grew the pool; both written under {@code growth}. */
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong takenAfterMiss = new AtomicLong();
    private final Object growth = new Object();
    /** Bytes charged to the budget per slab; guarded by {@code growth}. */
    private final List<Long> slabCharges = new ArrayList<>();
    private volatile int capacity;
    /** Blocks ever handed out; those from here up to {@code capacity} were never used. Written under {@code growth}. */
    private volatile int fresh;
    private volatile boolean closed;

    private BlockPool(long id, PoolConfig config, BundleAccount owner, Ledger ledger, LeakLog leaks) {
        this.id = id;
        this.config = config;
        this.owner = owner;
        this.ledger = ledger;
        this.leaks = leaks;
        this.blocks = new Block[config.maxCount()];
        this.free = FreeList.of(config.threadSafe(), config.maxCount());
    }

    /** A pool with its initial blocks, or the error that kept them from being made. */
    static HalResult<BlockPool> create(long id, PoolConfig config, BundleAccount owner, Ledger ledger,
                                       LeakLog leaks) {
        BlockPool pool = new BlockPool(id, config, owner, ledger, leaks);
        if (config.initialCount() > 0) {
            synchronized (pool.growth) {
                HalError refusal = pool.grow(config.initialCount());
                if (refusal != null) {
                    return HalResult.err(refusal);
                }
            }
        }
        return HalResult.ok(pool);
    }

    @Override
    public HalResult<PoolBlock> acquire() {
        if (closed) {
            return HalResult.err(closedError());
        }
        int index = free.pop();
        return index >= 0 ? blocks[index].take() : acquireMissed();
    }

    /**
     * The blocks kept aside in other threads' magazines first, then a block never used before, then a new slab. A
     * block found without growing counts as a hit.
     */
    private HalResult<PoolBlock> acquireMissed() {
        synchronized (growth) {
            if (closed) {
                return HalResult.err(closedError());
            }
            free.reclaim();
            int index = free.pop();
            if (index >= 0) {
                return blocks[index].take();
            }
            boolean missed = fresh == capacity;
            if (missed) {
                misses.incrementAndGet();
                HalError refusal = grow(Math.min(config.maxCount() - capacity, Math.max(1, capacity)));
                if (refusal != null) {
                    return HalResult.err(refusal);
                }
            }
            index = fresh;
            fresh = index + 1;
            if (missed) {
                takenAfterMiss.incrementAndGet();
            }
            return blocks[index].take();
        }
    }

    /** Adds {@code count} blocks in a new slab; the error when the pool is at its maximum or the budget refuses. */
    private HalError grow(int count) {
        if (count == 0) {
            return new HalError(ErrorCategory.INSUFFICIENT_RESOURCES, ResourceErrors.POOL_EXHAUSTED, "pool '"
                    + config.name()
                    + "' of bundle " + owner + " is exhausted: all " + config.maxCount() + " blocks of "
                    + config.blockSize() + " bytes are in use");
        }
        long bytes = count * config.stride() + config.alignment() - 1;
        HalResult<Void> charged = ledger.reserve(owner, config.name(), ResourceMetadata.of(config.type(), bytes),
                AcquisitionMode.NON_BLOCKING);
        if (charged.isErr()) {
            return charged.errorOrNull();
        }
        ByteBuffer slab;
        try {
            slab = ByteBuffer.allocateDirect((int) bytes);
        } catch (OutOfMemoryError e) {
            ledger.release(owner, config.type(), bytes);
            return HalError.outOfMemory("pool '" + config.name() + "' cannot grow by " + bytes
                    + " bytes of direct memory: " + e.getMessage());
        }
        slabCharges.add(bytes);
        int start = (config.alignment() - slab.alignmentOffset(0, config.alignment())) % config.alignment();
        int first = capacity;
        for (int i = 0; i < count; i++) {
            int offset = start + (int) (i * config.stride());
            blocks[first + i] = new Block(this, first + i, slab.slice(offset, config.blockSize()));
        }
        capacity = first + count;
        return null;
    }

    /** Puts a released block back on the free list. */
    HalResult<Void> giveBack(int index) {
        if (closed) {
            return HalResult.err(closedError());
        }
        free.push(index);
        return HalResult.ok();
    }

    @Override
    public PoolConfig config() {
        return config;
    }

    /**
     * A snapshot. The counts subtracted are read first, so no difference is negative: a block's release is counted
     * after its acquisition, and a block taken after a miss is counted as taken before it is counted as such.
     */
    @Override
    public PoolStats stats() {
        long givenBack = free.givenBack();
        long afterMiss = takenAfterMiss.get();
        long missed = misses.get();
        int everUsed = fresh;
        long taken = free.taken() + everUsed;
        return new PoolStats(config.name(), config.type(), config.blockSize(), capacity, (int) (taken - givenBack),
                config.maxCount(), taken - afterMiss, missed, everUsed, owner.bundleId, owner.symbolicName);
    }

    @Override
    public void close() {
        shutDown(ResourceLeak.Cause.POOL_CLOSED);
    }

    /**
     * Closes the pool, gives its slabs back to the budget and reports blocks still in use as {@code cause}, after
     * letting go of the pool's lock: the report reaches Event Admin, another bundle.
     */
    void shutDown(ResourceLeak.Cause cause) {
        ResourceHandle inUse;
        synchronized (growth) {
            if (closed) {
                return;
            }
            closed = true;
            free.close();
            owner.pools.remove(config.name(), this);
            slabCharges.forEach(bytes -> ledger.release(owner, config.type(), bytes));
            int blocks = stats().usedBlocks();
            inUse = blocks == 0 ? null : new ResourceHandle(id, config.name(),
                    ResourceMetadata.of(config.type(), (long) blocks * config.blockSize()), owner.bundleId,
                    owner.symbolicName);
        }
        if (inUse != null) {
            leaks.report(inUse, cause, null);
        }
    }

    private HalError closedError() {
        return new HalError(ErrorCategory.INVALID_STATE, ResourceErrors.POOL_CLOSED, "pool '" + config.name()
                + "' of bundle "
                + owner + " is closed");
    }
}
