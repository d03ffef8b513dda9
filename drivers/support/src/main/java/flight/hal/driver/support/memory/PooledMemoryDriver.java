package flight.hal.driver.support.memory;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.driver.support.DriverBase;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.DefragmentationCallback;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

/**
 * A memory driver that hands out blocks of a fixed off-heap region cut into pools, as a console's allocator does with
 * its RAM: every allocation really comes from its pool, and when the pools are full the driver is out of memory even
 * though the JVM is not. The region is reserved by {@link #initialize()} and dropped by {@link #shutdown()}.
 */
public abstract class PooledMemoryDriver extends DriverBase implements MemoryDriver {

    /** What a profile on a JVM cannot honour: DMA, executable or uncached pages, memory the GPU maps. */
    private static final Set<MemoryFlag> REFUSED_FLAGS =
            EnumSet.of(MemoryFlag.DMA_CAPABLE, MemoryFlag.EXECUTABLE, MemoryFlag.UNCACHED, MemoryFlag.GPU_VISIBLE);
    private static final byte[] ZEROS = new byte[MemoryLayout.MAX_ALIGNMENT];
    private static final Logger LOG = LoggerFactory.getLogger(PooledMemoryDriver.class);

    private final MemoryLayout layout;
    /** Handles are never reused, not even across re-initializations; 0 is the null handle. */
    private final AtomicLong nextHandle = new AtomicLong(1);
    private volatile PoolSet pools;

    protected PooledMemoryDriver(String name, MemoryLayout layout) {
        super(name);
        this.layout = layout;
    }

    @Override
    public synchronized HalResult<Void> initialize() {
        if (pools == null) {
            try {
                pools = new PoolSet(layout);
            } catch (OutOfMemoryError e) {
                return HalResult.err(HalError.initializationFailed(name() + ": cannot reserve its region of "
                        + layout.regionBytes() + " bytes of direct memory: " + e.getMessage()));
            }
        }
        return HalResult.ok();
    }

    @Override
    public synchronized HalResult<Void> shutdown() {
        PoolSet dropped = pools;
        pools = null;
        if (dropped != null && dropped.liveCount() > 0) {
            LOG.warn("{} shut down with {} live allocations holding {} bytes; its region is dropped with them",
                    name(), dropped.liveCount(), dropped.usedBytes());
        }
        return HalResult.ok();
    }

    @Override
    public boolean isActive() {
        return pools != null;
    }

    @Override
    public HalResult<MemoryAllocation> allocate(AllocationRequest request) {
        PoolSet current = pools;
        if (current == null) {
            return notInitialized();
        }
        HalResult<List<BlockPool>> route = route(current, request);
        if (route.isErr()) {
            return HalResult.err(route.errorOrNull());
        }
        PoolSet.Live placed = current.place(nextHandle.getAndIncrement(), request, route.valueOrNull());
        if (placed == null) {
            return HalResult.err(HalError.outOfMemory(name() + ": no pool can hold " + request.size()
                    + " bytes aligned to " + request.alignment() + " for " + request.type() + " " + request.flags()
                    + ": " + current.describe(route.valueOrNull())));
        }
        if (request.has(MemoryFlag.ZERO_INITIALIZED)) {
            zero(placed.allocation().buffer());
        }
        if (current.takeGcHint()) {
            LOG.info("{}: usage crossed the GC hint threshold of {} bytes; hinting a collection", name(),
                    layout.gcHintBytes());
            gcHint();
        }
        return HalResult.ok(placed.allocation());
    }

    /** The pools {@code request} may use, or why it is refused. */
    private HalResult<List<BlockPool>> route(PoolSet current, AllocationRequest request) {
        if (request == null) {
            return HalResult.err(HalError.invalidParameter(name() + ": the allocation request is null"));
        }
        HalResult<Void> checked = request.check(layout.maxAllocation(), MemoryLayout.MAX_ALIGNMENT);
        if (checked.isErr()) {
            HalError error = checked.errorOrNull();
            return HalResult.err(new HalError(error.category(), error.code(), name() + ": " + error.message()));
        }
        for (MemoryFlag flag : request.flags()) {
            if (REFUSED_FLAGS.contains(flag)) {
                return HalResult.err(HalError.unsupportedCapability(name() + ": memory flag " + flag
                        + " cannot be honoured on " + platformInfo().platformName()));
            }
        }
        List<BlockPool> route = current.route(request);
        return route.isEmpty() ? HalResult.err(unsupportedType(request.type())) : HalResult.ok(route);
    }

    private static void zero(ByteBuffer buffer) {
        for (int index = 0; index < buffer.capacity(); index += ZEROS.length) {
            buffer.put(index, ZEROS, 0, Math.min(ZEROS.length, buffer.capacity() - index));
        }
    }

    @Override
    public HalResult<Void> deallocate(long handle) {
        PoolSet current = pools;
        if (current == null) {
            return notInitialized();
        }
        if (handle == 0) {
            return HalResult.err(nullHandle("release"));
        }
        return current.release(handle) != null ? HalResult.ok() : HalResult.err(unknownHandle(handle));
    }

    @Override
    public HalResult<MemoryAllocation> reallocate(long handle, long newSize) {
        PoolSet current = pools;
        if (current == null) {
            return notInitialized();
        }
        HalResult<PoolSet.Live> found = find(current, handle, "reallocate");
        if (found.isErr()) {
            return HalResult.err(found.errorOrNull());
        }
        PoolSet.Live old = found.valueOrNull();
        MemoryAllocation previous = old.allocation();
        HalResult<MemoryAllocation> resized = allocate(
                new AllocationRequest(newSize, previous.alignment(), previous.flags(), old.requestedType()));
        if (resized.isErr()) {
            return resized; // the old allocation is untouched
        }
        MemoryAllocation moved = resized.valueOrNull();
        moved.buffer().put(0, previous.buffer(), 0, (int) Math.min(previous.size(), moved.size()));
        if (current.release(handle) == null) {
            current.release(moved.handle()); // released by another thread meanwhile: undo
            return HalResult.err(unknownHandle(handle));
        }
        return resized;
    }

    @Override
    public HalResult<MemoryStats> stats() {
        PoolSet current = pools;
        return current == null ? notInitialized() : HalResult.ok(current.stats());
    }

    /** The stats of the pool that is memory of {@code type} (or serves it): what that pool holds. */
    @Override
    public HalResult<MemoryStats> stats(MemoryType type) {
        PoolSet current = pools;
        if (current == null) {
            return notInitialized();
        }
        MemoryStats stats = type == null ? null : current.stats(type);
        return stats == null ? HalResult.err(unsupportedType(type)) : HalResult.ok(stats);
    }

    @Override
    public boolean isValid(long handle) {
        PoolSet current = pools;
        return current != null && current.get(handle) != null;
    }

    @Override
    public HalResult<MemoryAllocation> allocationInfo(long handle) {
        PoolSet current = pools;
        return current == null ? notInitialized() : find(current, handle, "describe").map(PoolSet.Live::allocation);
    }

    @Override
    public boolean supportsAlignment(int alignment) {
        return alignment > 0 && Integer.bitCount(alignment) == 1 && alignment <= MemoryLayout.MAX_ALIGNMENT;
    }

    @Override
    public boolean supportsMemoryType(MemoryType type) {
        return layout.pools().stream().anyMatch(pool -> pool.serves().contains(type));
    }

    @Override
    public long maxAllocationSize() {
        return layout.maxAllocation();
    }

    /** Blocks are coalesced on every release and live blocks cannot move under their buffers: nothing to compact. */
    @Override
    public HalResult<Long> defragment(DefragmentationCallback callback) {
        if (!isActive()) {
            return notInitialized();
        }
        if (callback != null) {
            callback.progress(0, 0);
        }
        return HalResult.ok(0L);
    }

    /** Hints the JVM's collector, the platform's collector of the profile's host. */
    @Override
    public HalResult<Void> gcHint() {
        if (!isActive()) {
            return notInitialized();
        }
        collectGarbage();
        return HalResult.ok();
    }

    /** What a GC hint does: {@code System.gc()}. */
    protected void collectGarbage() {
        System.gc();
    }

    /** The region is the platform's fixed memory: there is nothing to give back. */
    @Override
    public HalResult<Long> trim() {
        return isActive() ? HalResult.ok(0L) : notInitialized();
    }

    private HalResult<PoolSet.Live> find(PoolSet current, long handle, String verb) {
        if (handle == 0) {
            return HalResult.err(nullHandle(verb));
        }
        PoolSet.Live found = current.get(handle);
        return found != null ? HalResult.ok(found) : HalResult.err(unknownHandle(handle));
    }

    private HalError nullHandle(String verb) {
        return HalError.invalidParameter(name() + ": cannot " + verb + " the null handle");
    }

    private HalError unknownHandle(long handle) {
        return HalError.notFound(name() + ": unknown handle " + handle
                + ": never allocated by this driver or already released");
    }

    private HalError unsupportedType(MemoryType type) {
        String served = layout.pools().stream().flatMap(pool -> pool.serves().stream()).distinct().sorted()
                .map(String::valueOf).collect(Collectors.joining(", "));
        return HalError.unsupportedCapability(name() + ": memory type " + type + " is not available on "
                + platformInfo().platformName() + "; requests may ask for " + served);
    }
}
