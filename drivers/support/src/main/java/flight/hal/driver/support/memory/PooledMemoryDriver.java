package flight.hal.driver.support.memory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.ObjectOwner;
import flight.hal.driver.support.DriverBase;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.DefragmentationCallback;
import flight.hal.memory.MemoryAlignment;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryHandOver;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

/**
 * A memory driver that hands out blocks of a fixed off-heap region cut into pools, as a console's allocator does with
 * its RAM: every allocation really comes from its pool, and when the pools are full the driver is out of memory even
 * though the JVM is not. The region is reserved by {@link #initialize()} and dropped by {@link #shutdown()}.
 *
 * <p>It adopts another driver's allocations in a hot swap when its pools could have held them: each keeps its handle
 * and buffer, and takes a block of the pool that would serve its type and flags, as capacity accounting.
 */
public abstract class PooledMemoryDriver extends DriverBase<PoolSet>
        implements MemoryDriver, ObjectOwner<MemoryHandOver> {

    /** What a profile on a JVM cannot honour: DMA, executable or uncached pages, memory the GPU maps. */
    private static final Set<MemoryFlag> REFUSED_FLAGS =
            EnumSet.of(MemoryFlag.DMA_CAPABLE, MemoryFlag.EXECUTABLE, MemoryFlag.UNCACHED, MemoryFlag.GPU_VISIBLE);
    private static final byte[] ZEROS = new byte[MemoryLayout.MAX_ALIGNMENT];
    private static final Logger LOG = LoggerFactory.getLogger(PooledMemoryDriver.class);

    private final MemoryLayout layout;

    protected PooledMemoryDriver(String name, MemoryLayout layout) {
        super(name);
        this.layout = layout;
    }

    @Override
    protected HalResult<PoolSet> open() {
        try {
            return HalResult.ok(new PoolSet(layout));
        } catch (OutOfMemoryError e) {
            return HalResult.err(HalError.initializationFailed(name() + ": cannot reserve its region of "
                    + layout.regionBytes() + " bytes of direct memory: " + e.getMessage()));
        }
    }

    @Override
    protected void close(PoolSet closing) {
        LiveObjects dropped = closing.liveObjects();
        if (!dropped.isEmpty()) {
            LOG.warn("{} shut down with {} live allocations holding {} bytes; its region is dropped with them",
                    name(), dropped.count(), dropped.bytes());
        }
    }

    @Override
    public HalResult<MemoryAllocation> allocate(AllocationRequest request) {
        return state().flatMap(pools -> route(pools, request).flatMap(route -> place(pools, request, route)));
    }

    private HalResult<MemoryAllocation> place(PoolSet pools, AllocationRequest request, List<BlockPool> route) {
        PoolSet.Live placed = pools.place(handles().issue(), request, route);
        if (placed == null) {
            return HalResult.err(HalError.outOfMemory(name() + ": no pool can hold " + request.size()
                    + " bytes aligned to " + request.alignment() + " for " + request.type() + " " + request.flags()
                    + ": " + pools.describe(route)));
        }
        if (request.has(MemoryFlag.ZERO_INITIALIZED)) {
            zero(placed.allocation().buffer());
        }
        if (pools.takeGcHint()) {
            LOG.info("{}: usage crossed the GC hint threshold of {} bytes; hinting a collection", name(),
                    layout.gcHintBytes());
            collectGarbage();
        }
        return HalResult.ok(placed.allocation());
    }

    /** The pools {@code request} may use, or why it is refused. */
    private HalResult<List<BlockPool>> route(PoolSet pools, AllocationRequest request) {
        HalError refused = AllocationRequest.check(request, layout.maxAllocation(), MemoryLayout.MAX_ALIGNMENT)
                .errorOrNull();
        if (refused != null) {
            return HalResult.err(new HalError(refused.category(), refused.code(), name() + ": " + refused.message()));
        }
        for (MemoryFlag flag : request.flags()) {
            if (REFUSED_FLAGS.contains(flag)) {
                return HalResult.err(HalError.unsupportedCapability(name() + ": memory flag " + flag
                        + " cannot be honoured on " + platformInfo().platformName()));
            }
        }
        List<BlockPool> route = pools.route(request);
        return route.isEmpty() ? HalResult.err(unsupportedType(request.type())) : HalResult.ok(route);
    }

    private static void zero(ByteBuffer buffer) {
        for (int index = 0; index < buffer.capacity(); index += ZEROS.length) {
            buffer.put(index, ZEROS, 0, Math.min(ZEROS.length, buffer.capacity() - index));
        }
    }

    @Override
    public HalResult<Void> deallocate(long handle) {
        return state().flatMap(pools -> pools.release(handle) != null ? HalResult.ok() : refuse(handle, "release"));
    }

    @Override
    public HalResult<MemoryAllocation> reallocate(long handle, long newSize) {
        return state().flatMap(pools -> live(pools, handle, "reallocate").flatMap(old -> {
            MemoryAllocation previous = old.allocation();
            return Reallocation.move(previous,
                    new AllocationRequest(newSize, previous.alignment(), previous.flags(), old.requestedType()),
                    this::allocate, released -> pools.release(released) != null,
                    () -> refuse(handle, "reallocate"));
        }));
    }

    @Override
    public HalResult<MemoryStats> stats() {
        return state().map(PoolSet::stats);
    }

    /** The stats of the pool that is memory of {@code type} (or serves it): what that pool holds. */
    @Override
    public HalResult<MemoryStats> stats(MemoryType type) {
        return state().flatMap(pools -> {
            MemoryStats stats = type == null ? null : pools.stats(type);
            return stats == null ? HalResult.err(unsupportedType(type)) : HalResult.ok(stats);
        });
    }

    @Override
    public boolean isValid(long handle) {
        PoolSet pools = current();
        return pools != null && pools.get(handle) != null;
    }

    @Override
    public HalResult<MemoryAllocation> allocationInfo(long handle) {
        return state().flatMap(pools -> live(pools, handle, "describe")).map(PoolSet.Live::allocation);
    }

    @Override
    public boolean supportsAlignment(int alignment) {
        return MemoryAlignment.isPowerOfTwoWithin(alignment, MemoryLayout.MAX_ALIGNMENT);
    }

    @Override
    public boolean supportsMemoryType(MemoryType type) {
        return type != null && layout.pools().stream().anyMatch(pool -> pool.serves().contains(type));
    }

    @Override
    public long maxAllocationSize() {
        return layout.maxAllocation();
    }

    /** Blocks are coalesced on every release and live blocks cannot move under their buffers: nothing to compact. */
    @Override
    public HalResult<Long> defragment(DefragmentationCallback callback) {
        return state().map(pools -> {
            if (callback != null) {
                callback.progress(0, 0);
            }
            return 0L;
        });
    }

    /** Hints the JVM's collector, the collector of the machine the profile runs on. */
    @Override
    public HalResult<Void> gcHint() {
        return state().map(pools -> {
            collectGarbage();
            return null;
        });
    }

    /** What a GC hint does: {@code System.gc()}. */
    protected void collectGarbage() {
        System.gc();
    }

    /** The region is the platform's fixed memory: there is nothing to give back. */
    @Override
    public HalResult<Long> trim() {
        return state().map(pools -> 0L);
    }

    private HalResult<PoolSet.Live> live(PoolSet pools, long handle, String verb) {
        PoolSet.Live found = pools.get(handle);
        return found != null ? HalResult.ok(found) : refuse(handle, verb);
    }

    @Override
    public LiveObjects liveObjects() {
        PoolSet pools = current();
        return pools == null ? LiveObjects.NONE : pools.liveObjects();
    }

    @Override
    public HalResult<MemoryHandOver> exportObjects() {
        return state().map(pools -> new MemoryHandOver(pools.allocations()));
    }

    /**
     * Adopts allocations its pools could have made, all or none: each must be of a type and flags it serves and of a
     * size and alignment it allows, and all must fit the pools together.
     */
    @Override
    public HalResult<LiveObjects> adoptObjects(MemoryHandOver objects, HandleIssuer from) {
        return state().flatMap(pools -> {
            HalError refused = MemoryAdoption.check(name(), objects, from, layout.maxAllocation());
            if (refused != null) {
                return HalResult.err(refused);
            }
            List<PoolSet.Adoption> adoptions = new ArrayList<>();
            for (MemoryAllocation allocation : objects.allocations()) {
                HalResult<PoolSet.Adoption> adoption = adoption(pools, allocation);
                if (adoption.isErr()) {
                    return HalResult.err(MemoryAdoption.refused(name(), allocation, from, adoption.errorOrNull()));
                }
                adoptions.add(adoption.valueOrNull());
            }
            PoolSet.Adoption unfit = pools.adopt(adoptions);
            if (unfit != null) {
                return HalResult.err(MemoryAdoption.refused(name(), unfit.allocation(), from, HalError.outOfMemory(
                        "no room left in " + pools.describe(unfit.route()) + " once the others are placed")));
            }
            handles().adopt(from);
            return HalResult.ok(objects.size());
        });
    }

    /**
     * How {@code allocation} would be served here. An allocation of a type no request may ask for (scratch) came to
     * its pool by a flag: it is served as a SYSTEM request carrying that flag, in a pool of its own type.
     */
    private HalResult<PoolSet.Adoption> adoption(PoolSet pools, MemoryAllocation allocation) {
        MemoryType type = allocation.type();
        boolean served = supportsMemoryType(type);
        AllocationRequest request = new AllocationRequest(allocation.size(), allocation.alignment(),
                allocation.flags(), served ? type : MemoryType.SYSTEM);
        return route(pools, request).flatMap(route -> {
            List<BlockPool> into = served ? route : route.stream().filter(pool -> pool.spec.type() == type).toList();
            return into.isEmpty() ? HalResult.err(unsupportedType(type))
                    : HalResult.ok(new PoolSet.Adoption(allocation, request, into));
        });
    }

    /** The adopter has the objects now; their blocks stay taken until the region is dropped with shutdown. */
    @Override
    public void exportCompleted() {
        PoolSet pools = current();
        if (pools != null) {
            pools.forget();
        }
    }

    @Override
    public LiveObjects dropObjects() {
        PoolSet pools = current();
        return pools == null ? LiveObjects.NONE : pools.releaseAll();
    }

    private HalError unsupportedType(MemoryType type) {
        String served = layout.pools().stream().flatMap(pool -> pool.serves().stream()).distinct().sorted()
                .map(String::valueOf).collect(Collectors.joining(", "));
        return HalError.unsupportedCapability(name() + ": memory type " + type + " is not available on "
                + platformInfo().platformName() + "; requests may ask for " + served);
    }
}
