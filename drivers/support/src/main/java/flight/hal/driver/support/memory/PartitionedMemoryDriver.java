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
 * A memory driver that hands out blocks of a fixed off-heap region cut into partitions, as a console's allocator does
 * with its RAM: every allocation really comes from its partition, and when the partitions are full the driver is out
 * of memory even though the JVM is not. The region is reserved by {@link #initialize()} and dropped by {@link
 * #shutdown()}.
 *
 * <p>It adopts another driver's allocations in a hot swap when its partitions could have held them: each keeps its
 * handle and buffer, and takes a block of the partition that would serve its type and flags, as capacity accounting.
 */
public abstract class PartitionedMemoryDriver extends DriverBase<PartitionedRegion>
        implements MemoryDriver, ObjectOwner<MemoryHandOver> {

    /** What a profile on a JVM cannot honour: DMA, executable or uncached pages, memory the GPU maps. */
    private static final Set<MemoryFlag> REFUSED_FLAGS =
            EnumSet.of(MemoryFlag.DMA_CAPABLE, MemoryFlag.EXECUTABLE, MemoryFlag.UNCACHED, MemoryFlag.GPU_VISIBLE);
    private static final byte[] ZEROS = new byte[MemoryLayout.MAX_ALIGNMENT];
    private static final Logger LOG = LoggerFactory.getLogger(PartitionedMemoryDriver.class);

    private final MemoryLayout layout;

    protected PartitionedMemoryDriver(String name, MemoryLayout layout) {
        super(name);
        this.layout = layout;
    }

    @Override
    protected HalResult<PartitionedRegion> open() {
        try {
            return HalResult.ok(new PartitionedRegion(layout));
        } catch (OutOfMemoryError e) {
            return HalResult.err(HalError.initializationFailed(name() + ": cannot reserve its region of "
                    + layout.regionBytes() + " bytes of direct memory: " + e.getMessage()));
        }
    }

    @Override
    protected void close(PartitionedRegion closing) {
        LiveObjects dropped = closing.liveObjects();
        if (!dropped.isEmpty()) {
            LOG.warn("{} shut down with {} live allocations holding {} bytes; its region is dropped with them",
                    name(), dropped.count(), dropped.bytes());
        }
    }

    @Override
    public HalResult<MemoryAllocation> allocate(AllocationRequest request) {
        return state().flatMap(region -> route(region, request).flatMap(route -> place(region, request, route)));
    }

    private HalResult<MemoryAllocation> place(PartitionedRegion region, AllocationRequest request,
                                              List<Partition> route) {
        PartitionedRegion.Live placed = region.place(handles().issue(), request, route);
        if (placed == null) {
            return HalResult.err(HalError.outOfMemory(name() + ": no partition can hold " + request.size()
                    + " bytes aligned to " + request.alignment() + " for " + request.type() + " " + request.flags()
                    + ": " + region.describe(route)));
        }
        if (request.has(MemoryFlag.ZERO_INITIALIZED)) {
            zero(placed.allocation().buffer());
        }
        if (region.takeGcHint()) {
            LOG.info("{}: usage crossed the GC hint threshold of {} bytes; hinting a collection", name(),
                    layout.gcHintBytes());
            collectGarbage();
        }
        return HalResult.ok(placed.allocation());
    }

    /** The partitions {@code request} may use, or why it is refused. */
    private HalResult<List<Partition>> route(PartitionedRegion region, AllocationRequest request) {
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
        List<Partition> route = region.route(request);
        return route.isEmpty() ? HalResult.err(unsupportedType(request.type())) : HalResult.ok(route);
    }

    private static void zero(ByteBuffer buffer) {
        for (int index = 0; index < buffer.capacity(); index += ZEROS.length) {
            buffer.put(index, ZEROS, 0, Math.min(ZEROS.length, buffer.capacity() - index));
        }
    }

    @Override
    public HalResult<Void> deallocate(long handle) {
        return state().flatMap(region -> region.release(handle) != null ? HalResult.ok() : refuse(handle, "release"));
    }

    @Override
    public HalResult<MemoryAllocation> reallocate(long handle, long newSize) {
        return state().flatMap(region -> live(region, handle, "reallocate").flatMap(old -> {
            MemoryAllocation previous = old.allocation();
            return Reallocation.move(previous,
                    new AllocationRequest(newSize, previous.alignment(), previous.flags(), old.requestedType()),
                    this::allocate, released -> region.release(released) != null,
                    () -> refuse(handle, "reallocate"));
        }));
    }

    @Override
    public HalResult<MemoryStats> stats() {
        return state().map(PartitionedRegion::stats);
    }

    /** The stats of the partition that is memory of {@code type} (or serves it): what that partition holds. */
    @Override
    public HalResult<MemoryStats> stats(MemoryType type) {
        return state().flatMap(region -> {
            MemoryStats stats = type == null ? null : region.stats(type);
            return stats == null ? HalResult.err(unsupportedType(type)) : HalResult.ok(stats);
        });
    }

    @Override
    public boolean isValid(long handle) {
        PartitionedRegion region = current();
        return region != null && region.get(handle) != null;
    }

    @Override
    public HalResult<MemoryAllocation> allocationInfo(long handle) {
        return state().flatMap(region -> live(region, handle, "describe")).map(PartitionedRegion.Live::allocation);
    }

    @Override
    public boolean supportsAlignment(int alignment) {
        return MemoryAlignment.isPowerOfTwoWithin(alignment, MemoryLayout.MAX_ALIGNMENT);
    }

    @Override
    public boolean supportsMemoryType(MemoryType type) {
        return type != null && layout.partitions().stream().anyMatch(partition -> partition.serves().contains(type));
    }

    @Override
    public long maxAllocationSize() {
        return layout.maxAllocation();
    }

    /** Blocks are coalesced on every release and live blocks cannot move under their buffers: nothing to compact. */
    @Override
    public HalResult<Long> defragment(DefragmentationCallback callback) {
        return state().map(region -> {
            if (callback != null) {
                callback.progress(0, 0);
            }
            return 0L;
        });
    }

    /** Hints the JVM's collector, the collector of the machine the profile runs on. */
    @Override
    public HalResult<Void> gcHint() {
        return state().map(region -> {
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
        return state().map(region -> 0L);
    }

    private HalResult<PartitionedRegion.Live> live(PartitionedRegion region, long handle, String verb) {
        PartitionedRegion.Live found = region.get(handle);
        return found != null ? HalResult.ok(found) : refuse(handle, verb);
    }

    @Override
    public LiveObjects liveObjects() {
        PartitionedRegion region = current();
        return region == null ? LiveObjects.NONE : region.liveObjects();
    }

    @Override
    public HalResult<MemoryHandOver> exportObjects() {
        return state().map(region -> new MemoryHandOver(region.allocations()));
    }

    /**
     * Adopts allocations its partitions could have made, all or none: each must be of a type and flags it serves and
     * of a size and alignment it allows, and all must fit the partitions together.
     */
    @Override
    public HalResult<LiveObjects> adoptObjects(MemoryHandOver objects, HandleIssuer from) {
        return state().flatMap(region -> {
            HalError refused = MemoryAdoption.check(name(), objects, from, layout.maxAllocation());
            if (refused != null) {
                return HalResult.err(refused);
            }
            List<PartitionedRegion.Adoption> adoptions = new ArrayList<>();
            for (MemoryAllocation allocation : objects.allocations()) {
                HalResult<PartitionedRegion.Adoption> adoption = adoption(region, allocation);
                if (adoption.isErr()) {
                    return HalResult.err(MemoryAdoption.refused(name(), allocation, from, adoption.errorOrNull()));
                }
                adoptions.add(adoption.valueOrNull());
            }
            PartitionedRegion.Adoption unfit = region.adopt(adoptions);
            if (unfit != null) {
                return HalResult.err(MemoryAdoption.refused(name(), unfit.allocation(), from, HalError.outOfMemory(
                        "no room left in " + region.describe(unfit.route()) + " once the others are placed")));
            }
            handles().adopt(from);
            return HalResult.ok(objects.size());
        });
    }

    /**
     * How {@code allocation} would be served here. An allocation of a type no request may ask for (scratch) came to
     * its partition by a flag: it is served as a SYSTEM request carrying that flag, in a partition of its own type.
     */
    private HalResult<PartitionedRegion.Adoption> adoption(PartitionedRegion region, MemoryAllocation allocation) {
        MemoryType type = allocation.type();
        boolean served = supportsMemoryType(type);
        AllocationRequest request = new AllocationRequest(allocation.size(), allocation.alignment(),
                allocation.flags(), served ? type : MemoryType.SYSTEM);
        return route(region, request).flatMap(route -> {
            List<Partition> into =
                    served ? route : route.stream().filter(partition -> partition.spec.type() == type).toList();
            return into.isEmpty() ? HalResult.err(unsupportedType(type))
                    : HalResult.ok(new PartitionedRegion.Adoption(allocation, request, into));
        });
    }

    /** The adopter has the objects now; their blocks stay taken until the region is dropped with shutdown. */
    @Override
    public void exportCompleted() {
        PartitionedRegion region = current();
        if (region != null) {
            region.forget();
        }
    }

    @Override
    public LiveObjects dropObjects() {
        PartitionedRegion region = current();
        return region == null ? LiveObjects.NONE : region.releaseAll();
    }

    private HalError unsupportedType(MemoryType type) {
        String served = layout.partitions().stream().flatMap(partition -> partition.serves().stream()).distinct()
                .sorted().map(String::valueOf).collect(Collectors.joining(", "));
        return HalError.unsupportedCapability(name() + ": memory type " + type + " is not available on "
                + platformInfo().platformName() + "; requests may ask for " + served);
    }
}
