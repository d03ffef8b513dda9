package flight.hal.driver.host.internal.memory;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.ObjectOwner;
import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.DriverBase;
import flight.hal.driver.support.HostMachine;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.memory.MemoryAdoption;
import flight.hal.driver.support.memory.Reallocation;
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
 * The memory driver of the machine the JVM runs on: allocations are views of large direct (off-heap) regions that the
 * driver cuts into size classes itself ({@link RegionAllocator}), accounted per handle and per memory type. Lifecycle,
 * handles and the component wiring are {@link DriverBase}'s; each initialization's state is a {@link LiveMemory}.
 *
 * <p>A released allocation's memory is reused by later allocations, as with any allocator; a caller that still uses
 * a released buffer reads and writes another allocation's bytes. It can never crash the JVM: regions are never freed
 * by hand ({@code Unsafe.invokeCleaner} would make such a buffer a use-after-free). {@link #trim()} drops the regions
 * that hold no live allocation, and a dropped region goes back to the platform when it is collected, once no buffer
 * cut from it is reachable. For the same reason the driver adopts any allocation another driver hands over in a hot
 * swap that is within its size limit (the memory is the JVM's already), and it never reuses the memory of what it
 * hands over or drops: the adopter, or a caller, may still hold it.
 */
@Designate(ocd = HostMemoryMetatype.class)
@Component(service = MemoryDriver.class, configurationPid = HostMemoryDriver.PID)
@RegisterHalDriver(hal_interface = MemoryDriver.class, hal_driver_name = HostMemoryDriver.NAME,
        service_ranking = HostMemoryDriver.RANKING)
public class HostMemoryDriver extends DriverBase<LiveMemory>
        implements MemoryDriver, ObjectOwner<MemoryHandOver> {

    static final String PID = "flight.hal.host.memory";
    static final String NAME = "host.memory";
    static final int RANKING = 10;
    /** The largest supported alignment: sixteen 4 KiB pages, 64 KiB. */
    static final int MAX_ALIGNMENT = 4096 * 16;

    /** All plain RAM on the host. */
    private static final Set<MemoryType> SUPPORTED_TYPES =
            Collections.unmodifiableSet(EnumSet.of(MemoryType.SYSTEM, MemoryType.AUDIO, MemoryType.NETWORK,
                    MemoryType.SHARED));
    /** The JVM gives no control over page protection, caching or GPU mapping of a buffer. */
    private static final List<MemoryFlag> UNSUPPORTED_FLAGS =
            List.of(MemoryFlag.UNCACHED, MemoryFlag.GPU_VISIBLE, MemoryFlag.EXECUTABLE);
    private static final Logger LOG = LoggerFactory.getLogger(HostMemoryDriver.class);
    /** The JVM's memory limit: fixed for its life, and a native call too slow to make on every allocation. */
    private static final long JVM_MEMORY = Runtime.getRuntime().maxMemory();

    private final HostPlatform platform = new HostPlatform();
    /** The current component properties. */
    private volatile HostMemoryConfig config = HostMemoryConfig.DEFAULT;

    public HostMemoryDriver() {
        super(NAME);
    }

    /** A limit change through Config Admin applies in place, like a ranking change (see {@link DriverBase}). */
    @Override
    protected void configure(Map<String, Object> properties) {
        config = HostMemoryConfig.from(properties);
        LOG.debug("driver {} configured: {}", NAME, config);
    }

    @Override
    protected HalResult<LiveMemory> open() {
        return HalResult.ok(new LiveMemory());
    }

    @Override
    protected void close(LiveMemory closing) {
        AllocationTable dropped = closing.table();
        if (dropped.liveCount() > 0) {
            LOG.warn("driver {} shut down with {} live allocations ({} bytes); dropping them, their memory returns "
                    + "when their buffers become unreachable", NAME, dropped.liveCount(), dropped.usedBytes());
            dropped.clear();
        }
    }

    /**
     * The machine: its processors, its memory (the JVM's limit when the machine does not tell) and the driver's
     * current allocation limit.
     */
    @Override
    protected PlatformProfile platform() {
        EnumSet<HalCapability> capabilities = EnumSet.of(HalCapability.BASIC_MEMORY, HalCapability.VIRTUAL_MEMORY,
                HalCapability.MEMORY_MAPPING, HalCapability.THREADING);
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            capabilities.add(HalCapability.DUAL_CORE);
        }
        return new PlatformProfile(platform.info(maxAllocationSize()), capabilities,
                HostMachine.performanceTier(platform.totalMemory()));
    }

    @Override
    public HalResult<MemoryAllocation> allocate(AllocationRequest request) {
        // current(), not state().flatMap: the hot path makes no result or lambda besides the allocation's own
        LiveMemory live = current();
        return live != null ? allocate(live, request) : notInitialized();
    }

    private HalResult<MemoryAllocation> allocate(LiveMemory live, AllocationRequest request) {
        HalError refusal = AllocationRequest.check(request, maxAllocationSize(), MAX_ALIGNMENT).errorOrNull();
        if (refusal == null) {
            refusal = unsupportedTypeOrFlag(request);
        }
        if (refusal != null) {
            return HalResult.err(refusal);
        }
        MemoryAllocation allocation = live.regions().place(request, live.handles(), handles(), live.table());
        return allocation != null ? HalResult.ok(allocation) : HalResult.err(RegionAllocator.exhausted(request));
    }

    private static HalError unsupportedTypeOrFlag(AllocationRequest request) {
        if (!supportsType(request.type())) {
            return unsupportedType(request.type());
        }
        for (MemoryFlag flag : UNSUPPORTED_FLAGS) {
            if (request.has(flag)) {
                return HalError.unsupportedCapability("memory flag " + flag + " cannot be honoured by driver " + NAME
                        + ": the JVM gives no control over page protection, caching or GPU mapping");
            }
        }
        return null;
    }

    @Override
    public HalResult<Void> deallocate(long handle) {
        LiveMemory live = current();
        if (live == null) {
            return notInitialized();
        }
        return live.release(handle) ? HalResult.ok() : refuse(handle, "release");
    }

    /** The error of a call made while not initialized. */
    private <T> HalResult<T> notInitialized() {
        return HalResult.err(state().errorOrNull());
    }

    @Override
    public HalResult<MemoryAllocation> reallocate(long handle, long newSize) {
        return state().flatMap(live -> find(live, handle, "reallocate").flatMap(old -> Reallocation.move(old,
                new AllocationRequest(newSize, old.alignment(), old.flags(), old.type()),
                resized -> allocate(live, resized), live::release,
                () -> refuse(handle, "reallocate"))));
    }

    @Override
    public HalResult<MemoryStats> stats() {
        return state().map(live -> live.table().stats(null, totalBytes(), maxAllocationSize()));
    }

    /** The type's own usage; total, free and largest block are those of the one pool all types share. */
    @Override
    public HalResult<MemoryStats> stats(MemoryType type) {
        return state().flatMap(live -> supportsType(type)
                ? HalResult.ok(live.table().stats(type, totalBytes(), maxAllocationSize()))
                : HalResult.err(unsupportedType(type)));
    }

    @Override
    public boolean isValid(long handle) {
        LiveMemory live = current();
        return live != null && live.table().get(handle) != null;
    }

    @Override
    public HalResult<MemoryAllocation> allocationInfo(long handle) {
        return state().flatMap(live -> find(live, handle, "describe"));
    }

    @Override
    public boolean supportsAlignment(int alignment) {
        return MemoryAlignment.isPowerOfTwoWithin(alignment, MAX_ALIGNMENT);
    }

    @Override
    public boolean supportsMemoryType(MemoryType type) {
        return supportsType(type);
    }

    /**
     * The configured limit, capped so that a buffer with alignment padding still has an {@code int} capacity, and by
     * the JVM's memory limit (the direct-memory limit defaults to the maximum heap).
     */
    @Override
    public long maxAllocationSize() {
        long cap = Math.min(Integer.MAX_VALUE - MAX_ALIGNMENT, JVM_MEMORY);
        return Math.min(cap, config.maxAllocationBytes().orElse(Long.MAX_VALUE));
    }

    /**
     * Direct buffers have fixed native addresses that the JVM gives no way to move, so nothing can be compacted:
     * reports no progress to make and returns 0 bytes moved.
     */
    @Override
    public HalResult<Long> defragment(DefragmentationCallback callback) {
        return state().map(live -> {
            if (callback != null) {
                callback.progress(0, 0);
            }
            return 0L;
        });
    }

    /** {@code System.gc()}: only a hint, which also lets unreachable released buffers give back their memory. */
    @Override
    public HalResult<Void> gcHint() {
        return state().map(live -> {
            System.gc();
            return null;
        });
    }

    /**
     * Drops every region that holds no live allocation and returns their bytes. They go back to the platform when the
     * collector next finds them unreachable ({@link #gcHint()} asks for that); no collection is forced here.
     */
    @Override
    public HalResult<Long> trim() {
        return state().map(live -> live.regions().trim());
    }

    /** All memory types are one pool of host RAM, so the driver's total is the JVM's memory limit. */
    private static long totalBytes() {
        return JVM_MEMORY;
    }

    private static boolean supportsType(MemoryType type) {
        return type != null && SUPPORTED_TYPES.contains(type);
    }

    private HalResult<MemoryAllocation> find(LiveMemory live, long handle, String verb) {
        MemoryAllocation allocation = live.table().get(handle);
        return allocation != null ? HalResult.ok(allocation) : refuse(handle, verb);
    }

    private static HalError unsupportedType(MemoryType type) {
        return HalError.unsupportedCapability("memory type " + type + " is not available from driver " + NAME
                + "; it serves " + SUPPORTED_TYPES);
    }

    @Override
    public LiveObjects liveObjects() {
        LiveMemory live = current();
        return live == null ? LiveObjects.NONE : live.table().liveObjects();
    }

    @Override
    public HalResult<MemoryHandOver> exportObjects() {
        return state().map(live -> new MemoryHandOver(live.table().allocations()));
    }

    /**
     * Adopts every allocation, or none when one exceeds its size limit; types and flags need nothing of it. An adopted
     * allocation's memory is its own: released, it is left to the collector.
     */
    @Override
    public HalResult<LiveObjects> adoptObjects(MemoryHandOver objects, HandleIssuer from) {
        return state().flatMap(live -> MemoryAdoption.adoptWithin(NAME, maxAllocationSize(), objects, from,
                adopted -> adopted.forEach(allocation -> live.table().add(allocation,
                        Place.own(allocation.size(), allocation.type(), ThreadStripe.current()))), handles()));
    }

    /** The adopter has the allocations now: forget them, never reusing their memory; their buffers live on with it. */
    @Override
    public void exportCompleted() {
        dropObjects();
    }

    /**
     * Forgets every allocation without reusing its memory: a caller may still hold a buffer, so its bytes stay its
     * own until the driver shuts down and the regions are collected.
     */
    @Override
    public LiveObjects dropObjects() {
        LiveMemory live = current();
        return live == null ? LiveObjects.NONE : live.table().removeAll();
    }
}
