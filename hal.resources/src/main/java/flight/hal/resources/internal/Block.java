package flight.hal.resources.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.PoolBlock;
import flight.hal.resources.ResourceErrors;

/** One block of a {@link BlockPool}, made once with its slab and handed out again and again. */
final class Block implements PoolBlock {
    private static final VarHandle IN_USE;

    static {
        try {
            IN_USE = MethodHandles.lookup().findVarHandle(Block.class, "inUse", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final BlockPool pool;
    private final int index;
    private final ByteBuffer buffer;
    /** The result an acquisition of this block returns, made once so a pool hit allocates nothing. */
    private final HalResult<PoolBlock> acquired;
    private volatile boolean inUse;

    Block(BlockPool pool, int index, ByteBuffer buffer) {
        this.pool = pool;
        this.index = index;
        this.buffer = buffer;
        this.acquired = HalResult.ok(this);
    }

    /** Marks the block handed out; a release store suffices, as the holder received it from the free list. */
    HalResult<PoolBlock> take() {
        IN_USE.setRelease(this, true);
        return acquired;
    }

    @Override
    public ByteBuffer buffer() {
        return buffer;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public HalResult<Void> release() {
        if (!IN_USE.compareAndSet(this, true, false)) {
            return HalResult.err(new HalError(ErrorCategory.INVALID_STATE, ResourceErrors.POOL_DOUBLE_RELEASE,
                    "block " + index + " of pool '" + pool.config().name() + "' was already released"));
        }
        buffer.clear();
        return pool.giveBack(index);
    }

    @Override
    public void close() {
        if (inUse) {
            release();
        }
    }
}
