package flight.hal.host.memory;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.RegisterHalDriver;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.DefragmentationCallback;
import flight.hal.memory.MemoryAlignment;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

/**
 * The memory driver of the machine the JVM runs on: allocations are direct (off-heap) byte buffers, aligned within a
 * slightly larger buffer, accounted per handle and per memory type.
 *
 * <p>Direct memory is never freed eagerly. Releasing it by hand ({@code Unsafe.invokeCleaner}) would turn a buffer the
 * caller still holds into a use-after-free that can crash the JVM; the memory of a released allocation goes back to
 * the platform when its buffer becomes unreachable and is collected.
 */
@Component(service = MemoryDriver.class, configurationPid = HostMemoryDriver.PID)
@RegisterHalDriver(hal_interface = MemoryDriver.class, hal_driver_name = HostMemoryDriver.NAME, service_ranking = 10)
public class HostMemoryDriver implements MemoryDriver {

    static final String PID = "flight.hal.host.memory";
    static final String NAME = "host.memory";
    static final String VERSION = "1.0.0";
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

    private final HostPlatform platform = new HostPlatform();
    /** Handles are never reused, not even across re-initializations; 0 is the null handle. */
    private final AtomicLong nextHandle = new AtomicLong(1);
    /** The live allocations while initialized; null while not. */
    private final AtomicReference<AllocationTable> table = new AtomicReference<>();
    /** The current component properties. */
    private volatile HostMemoryConfig config = HostMemoryConfig.DEFAULT;

    @Activate
    void activate(Map<String, Object> properties) {
        config = HostMemoryConfig.from(properties);
    }

    /** A ranking or limit change through Config Admin modifies the service instead of re-activating it. */
    @Modified
    void modified(Map<String, Object> properties) {
        config = HostMemoryConfig.from(properties);
        LOG.debug("driver {} reconfigured: {}", NAME, config);
    }

    @Deactivate
    void deactivate() {
        shutdown();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return config.ranking();
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public HalResult<Void> initialize() {
        table.compareAndSet(null, new AllocationTable());
        return HalResult.ok();
    }

    @Override
    public HalResult<Void> shutdown() {
        AllocationTable dropped = table.getAndSet(null);
        if (dropped != null && dropped.liveCount() > 0) {
            LOG.warn("driver {} shut down with {} live allocations ({} bytes); dropping them, their memory returns "
                    + "when their buffers become unreachable", NAME, dropped.liveCount(), dropped.usedBytes());
            dropped.clear();
        }
        return HalResult.ok();
    }

    @Override
    public boolean isActive() {
        return table.get() != null;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Set<HalCapability> capabilities() {
        EnumSet<HalCapability> capabilities = EnumSet.of(HalCapability.BASIC_MEMORY, HalCapability.VIRTUAL_MEMORY,
                HalCapability.MEMORY_MAPPING, HalCapability.THREADING);
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            capabilities.add(HalCapability.DUAL_CORE);
        }
        return Collections.unmodifiableSet(capabilities);
    }

    /** By the machine's memory; by the JVM's memory limit when the machine does not tell. */
    @Override
    public PerformanceTier performanceTier() {
        long total = platform.totalMemory();
        return PerformanceTier.forTotalMemory(total > 0 ? total : Runtime.getRuntime().maxMemory());
    }

    @Override
    public PlatformInfo platformInfo() {
        return platform.info(maxAllocationSize());
    }

    @Override
    public HalResult<MemoryAllocation> allocate(AllocationRequest request) {
        AllocationTable live = table.get();
        return live == null ? notInitialized() : allocate(live, request);
    }

    private HalResult<MemoryAllocation> allocate(AllocationTable live, AllocationRequest request) {
        if (request == null) {
            return HalResult.err(HalError.invalidParameter("the allocation request is null"));
        }
        HalError refusal = request.check(maxAllocationSize(), MAX_ALIGNMENT).errorOrNull();
        if (refusal == null) {
            refusal = unsupportedTypeOrFlag(request);
        }
        if (refusal != null) {
            return HalResult.err(refusal);
        }
        return alignedBuffer((int) request.size(), request.alignment()).map(buffer -> {
            MemoryAllocation allocation = new MemoryAllocation(nextHandle.getAndIncrement(), buffer, request.size(),
                    request.alignment(), request.flags(), request.type());
            live.add(allocation);
            return allocation;
        });
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

    /**
     * {@code size} bytes of direct memory whose first byte is aligned to {@code alignment}: a view into a buffer
     * {@code alignment - 1} bytes larger. Direct buffers are zero-filled by the JVM, which honours
     * {@link MemoryFlag#ZERO_INITIALIZED}.
     */
    private static HalResult<ByteBuffer> alignedBuffer(int size, int alignment) {
        ByteBuffer raw;
        try {
            raw = ByteBuffer.allocateDirect(size + alignment - 1);
        } catch (OutOfMemoryError e) {
            return HalResult.err(HalError.outOfMemory("direct memory exhausted: cannot allocate " + size
                    + " bytes aligned to " + alignment + " (" + (size + alignment - 1L) + " bytes reserved): "
                    + e.getMessage()));
        }
        int offset = raw.alignmentOffset(0, alignment);
        return HalResult.ok(raw.slice(offset == 0 ? 0 : alignment - offset, size));
    }

    @Override
    public HalResult<Void> deallocate(long handle) {
        AllocationTable live = table.get();
        if (live == null) {
            return notInitialized();
        }
        if (handle == 0) {
            return HalResult.err(nullHandle("release"));
        }
        // Only the table entry goes; the buffer's memory returns once it is unreachable (see the class comment).
        return live.remove(handle) != null ? HalResult.ok() : HalResult.err(unknownHandle(handle));
    }

    @Override
    public HalResult<MemoryAllocation> reallocate(long handle, long newSize) {
        AllocationTable live = table.get();
        if (live == null) {
            return notInitialized();
        }
        HalResult<MemoryAllocation> found = find(live, handle, "reallocate");
        if (found.isErr()) {
            return found;
        }
        MemoryAllocation old = found.valueOrNull();
        HalResult<MemoryAllocation> resized =
                allocate(live, new AllocationRequest(newSize, old.alignment(), old.flags(), old.type()));
        if (resized.isErr()) {
            return resized; // the old allocation is untouched
        }
        MemoryAllocation moved = resized.valueOrNull();
        // absolute bulk copy: neither buffer's position or limit changes
        moved.buffer().put(0, old.buffer(), 0, (int) Math.min(old.size(), moved.size()));
        if (live.remove(handle) == null) {
            // released by another thread meanwhile: undo, as if the handle had been unknown
            live.remove(moved.handle());
            return HalResult.err(unknownHandle(handle));
        }
        return resized;
    }

    @Override
    public HalResult<MemoryStats> stats() {
        AllocationTable live = table.get();
        return live == null ? notInitialized() : HalResult.ok(live.stats(null, totalBytes(), maxAllocationSize()));
    }

    /** The type's own usage; total, free and largest block are those of the one pool all types share. */
    @Override
    public HalResult<MemoryStats> stats(MemoryType type) {
        AllocationTable live = table.get();
        if (live == null) {
            return notInitialized();
        }
        if (!supportsType(type)) {
            return HalResult.err(unsupportedType(type));
        }
        return HalResult.ok(live.stats(type, totalBytes(), maxAllocationSize()));
    }

    @Override
    public boolean isValid(long handle) {
        AllocationTable live = table.get();
        return live != null && live.get(handle) != null;
    }

    @Override
    public HalResult<MemoryAllocation> allocationInfo(long handle) {
        AllocationTable live = table.get();
        return live == null ? notInitialized() : find(live, handle, "describe");
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
        long cap = Math.min(Integer.MAX_VALUE - MAX_ALIGNMENT, Runtime.getRuntime().maxMemory());
        return Math.min(cap, config.maxAllocationBytes().orElse(Long.MAX_VALUE));
    }

    /**
     * Direct buffers have fixed native addresses that the JVM gives no way to move, so nothing can be compacted:
     * reports no progress to make and returns 0 bytes moved.
     */
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

    /** {@code System.gc()}: only a hint, which also lets unreachable released buffers give back their memory. */
    @Override
    public HalResult<Void> gcHint() {
        if (!isActive()) {
            return notInitialized();
        }
        System.gc();
        return HalResult.ok();
    }

    /**
     * Requests a collection and returns how much the JVM's direct buffer pool shrank meanwhile. Buffers are freed by
     * their cleaners after collection, so memory may also come back later than this call sees.
     */
    @Override
    public HalResult<Long> trim() {
        if (!isActive()) {
            return notInitialized();
        }
        long before = directMemoryUsed();
        System.gc();
        return HalResult.ok(Math.max(0, before - directMemoryUsed()));
    }

    private static long directMemoryUsed() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> "direct".equals(pool.getName()))
                .mapToLong(pool -> Math.max(0, pool.getMemoryUsed()))
                .findFirst()
                .orElse(0);
    }

    /** All memory types are one pool of host RAM, so the driver's total is the JVM's memory limit. */
    private static long totalBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    private static boolean supportsType(MemoryType type) {
        return type != null && SUPPORTED_TYPES.contains(type);
    }

    private static HalResult<MemoryAllocation> find(AllocationTable live, long handle, String verb) {
        if (handle == 0) {
            return HalResult.err(nullHandle(verb));
        }
        MemoryAllocation allocation = live.get(handle);
        return allocation != null ? HalResult.ok(allocation) : HalResult.err(unknownHandle(handle));
    }

    private static HalError nullHandle(String verb) {
        return HalError.invalidParameter("cannot " + verb + " the null handle");
    }

    private static HalError unknownHandle(long handle) {
        return HalError.notFound("unknown handle " + handle
                + ": never allocated by this driver or already released");
    }

    private static HalError unsupportedType(MemoryType type) {
        return HalError.unsupportedCapability("memory type " + type + " is not available from driver " + NAME
                + "; it serves " + SUPPORTED_TYPES);
    }

    private static <T> HalResult<T> notInitialized() {
        return HalResult.err(HalError.invalidState("driver " + NAME + " is not initialized"));
    }
}
