package flight.hal.resources.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

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
 * the free list and returns a result made in advance: O(1) and no allocation. A miss grows the pool under a lock by a
 * slab as large as the pool already is (at least one block, at most up to {@code maxCount}), charged to the budget.
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
    /* Counters striped or rarely written, so threads on the hit path do not contend on them. */
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder releases = new LongAdder();
    /** Blocks handed out after a miss; written under {@code growth}. */
    private final AtomicLong takenAfterMiss = new AtomicLong();
    private final AtomicInteger highWater = new AtomicInteger();
    private final Object growth = new Object();
    /** Bytes charged to the budget per slab; guarded by {@code growth}. */
    private final List<Long> slabCharges = new ArrayList<>();
    private volatile int capacity;
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
        if (index >= 0) {
            hits.increment();
            return take(index);
        }
        misses.increment();
        return acquireGrowing();
    }

    /**
     * Hands out block {@code index}. The free list is a stack and fresh blocks are taken in index order, so a block
     * never used before is taken only when every block used before is in use: the most blocks in use at once is the
     * highest index ever taken plus one (a release racing a growth can only make it one block too high).
     */
    private HalResult<PoolBlock> take(int index) {
        if (index >= highWater.get()) {
            highWater.accumulateAndGet(index + 1, Math::max);
        }
        return blocks[index].take();
    }

    private HalResult<PoolBlock> acquireGrowing() {
        synchronized (growth) {
            int index = free.pop();
            while (index < 0) {
                if (closed) {
                    return HalResult.err(closedError());
                }
                HalError refusal = grow(Math.min(config.maxCount() - capacity, Math.max(1, capacity)));
                if (refusal != null) {
                    return HalResult.err(refusal);
                }
                index = free.pop();
            }
            takenAfterMiss.incrementAndGet();
            return take(index);
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
        for (int i = count - 1; i >= 0; i--) {
            free.push(first + i);
        }
        return null;
    }

    /** Puts a released block back on the free list. */
    HalResult<Void> giveBack(int index) {
        if (closed) {
            return HalResult.err(closedError());
        }
        free.push(index);
        releases.increment();
        return HalResult.ok();
    }

    @Override
    public PoolConfig config() {
        return config;
    }

    /** Blocks handed out and not released; releases are read first, so it is never negative. */
    private int used() {
        long released = releases.sum();
        return (int) (hits.sum() + takenAfterMiss.get() - released);
    }

    @Override
    public PoolStats stats() {
        return new PoolStats(config.name(), config.type(), config.blockSize(), capacity, used(), config.maxCount(),
                hits.sum(), misses.sum(), highWater.get(), owner.bundleId, owner.symbolicName);
    }

    @Override
    public void close() {
        shutDown(ResourceLeak.Cause.POOL_CLOSED);
    }

    /** Closes the pool, gives its slabs back to the budget and reports blocks still in use as {@code cause}. */
    void shutDown(ResourceLeak.Cause cause) {
        synchronized (growth) {
            if (closed) {
                return;
            }
            closed = true;
            owner.pools.remove(config.name(), this);
            slabCharges.forEach(bytes -> ledger.release(owner, config.type(), bytes));
            int inUse = used();
            if (inUse > 0) {
                leaks.report(new ResourceHandle(id, config.name(),
                        ResourceMetadata.of(config.type(), (long) inUse * config.blockSize()), owner.bundleId,
                        owner.symbolicName), cause, null);
            }
        }
    }

    private HalError closedError() {
        return new HalError(ErrorCategory.INVALID_STATE, ResourceErrors.POOL_CLOSED, "pool '" + config.name()
                + "' of bundle "
                + owner + " is closed");
    }
}
