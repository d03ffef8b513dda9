package ${package}.internal;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.RegisterHalDriver;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.DefragmentationCallback;
import flight.hal.memory.MemoryAlignment;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

/**
 * A memory driver handing out blocks of the JVM's direct (off-heap) memory, up to {@value #CAPACITY} bytes, each at
 * the alignment asked for: replace the buffers with your platform's memory and keep the rest.
 *
 * <p>Prototype scope: the registry and the compliance kit each get their own instance, so the kit checks a private
 * one while the runtime keeps using the registry's. Every initialization has its own {@link HandleIssuer}: a handle
 * names the driver instance that issued it, and one it did not issue (another driver's, an earlier initialization's,
 * a released one) is refused with the error {@link HandleIssuer#refuse} describes, changing nothing.
 */
@Component(service = MemoryDriver.class, scope = ServiceScope.PROTOTYPE)
@RegisterHalDriver(hal_interface = MemoryDriver.class, hal_driver_name = DirectMemoryDriver.NAME, service_ranking = 20)
public class DirectMemoryDriver implements MemoryDriver {
    /** The driver's {@code hal.driver.name}. */
    public static final String NAME = "${artifactId}.memory";
    static final long CAPACITY = 16L * 1024 * 1024;
    private static final int MAX_ALIGNMENT = 4096;

    private final Map<Long, MemoryAllocation> live = new ConcurrentHashMap<>();
    /** Bytes reserved by live allocations; reserved before an allocation is made, so it never passes the capacity. */
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong allocations = new AtomicLong();
    private final AtomicLong deallocations = new AtomicLong();
    /** The issuer of this initialization's handles; null while not initialized. */
    private volatile HandleIssuer handles;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public synchronized HalResult<Void> initialize() {
        if (handles == null) {
            handles = HandleIssuer.forDriver(NAME);
        }
        return HalResult.ok();
    }

    @Override
    public synchronized HalResult<Void> shutdown() {
        handles = null;
        live.clear();
        used.set(0);
        return HalResult.ok();
    }

    @Override
    public boolean isActive() {
        return handles != null;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Set<HalCapability> capabilities() {
        return EnumSet.of(HalCapability.BASIC_MEMORY);
    }

    @Override
    public PerformanceTier performanceTier() {
        return PerformanceTier.STANDARD;
    }

    /**
     * What this driver knows of its platform. The total memory is the machine's (or the emulated platform's), not the
     * driver's capacity: the resource manager sizes the runtime's memory budgets from the selected memory driver's
     * value, so a driver that does not know it reports 0.
     */
    @Override
    public PlatformInfo platformInfo() {
        return new PlatformInfo("JVM direct memory", System.getProperty("os.arch", "unknown"), "", 0, 8, CAPACITY,
                Runtime.getRuntime().availableProcessors(), 0);
    }

    @Override
    public HalResult<MemoryAllocation> allocate(AllocationRequest request) {
        HandleIssuer issuer = handles;
        if (issuer == null) {
            return notInitialized();
        }
        HalResult<Void> valid = AllocationRequest.check(request, CAPACITY, MAX_ALIGNMENT);
        if (valid.isErr()) {
            return HalResult.err(valid.errorOrNull());
        }
        if (!supportsMemoryType(request.type())) {
            return HalResult.err(HalError.unsupportedCapability(NAME + " has only SYSTEM memory, not "
                    + request.type()));
        }
        return reserve(request.size()) ? HalResult.ok(record(new MemoryAllocation(issuer.issue(),
                aligned(request.size(), request.alignment()), request.size(), request.alignment(), request.flags(),
                request.type())))
                : HalResult.err(HalError.outOfMemory(NAME + ": " + request.size() + " bytes requested, "
                        + (CAPACITY - used.get()) + " of " + CAPACITY + " free"));
    }

    @Override
    public HalResult<Void> deallocate(long handle) {
        MemoryAllocation released = live.remove(handle);
        if (released == null) {
            return refuse(handle, "release");
        }
        used.addAndGet(-released.size());
        deallocations.incrementAndGet();
        return HalResult.ok();
    }

    /** A new allocation with the first {@code min(old size, newSize)} bytes; the old one released. */
    @Override
    public HalResult<MemoryAllocation> reallocate(long handle, long newSize) {
        MemoryAllocation old = live.get(handle);
        if (old == null) {
            return refuse(handle, "reallocate");
        }
        HalResult<MemoryAllocation> moved = allocate(new AllocationRequest(newSize, old.alignment(), old.flags(),
                old.type()));
        if (moved.isErr() || live.remove(handle) == null) {
            // refused (the old allocation is untouched), or released by another caller meanwhile
            moved.ifOk(fresh -> deallocate(fresh.handle()));
            return moved.isErr() ? moved : refuse(handle, "reallocate");
        }
        ByteBuffer from = old.buffer().duplicate().clear();
        from.limit((int) Math.min(old.size(), newSize));
        moved.valueOrNull().buffer().duplicate().clear().put(from);
        used.addAndGet(-old.size());
        deallocations.incrementAndGet();
        return moved;
    }

    @Override
    public HalResult<MemoryStats> stats() {
        if (handles == null) {
            return notInitialized();
        }
        long inUse = used.get();
        return HalResult.ok(new MemoryStats(CAPACITY, inUse, CAPACITY - inUse, peak.get(), live.size(),
                allocations.get(), deallocations.get(), CAPACITY - inUse));
    }

    @Override
    public HalResult<MemoryStats> stats(MemoryType type) {
        return supportsMemoryType(type) ? stats()
                : HalResult.err(HalError.unsupportedCapability(NAME + " has only SYSTEM memory, not " + type));
    }

    @Override
    public boolean isValid(long handle) {
        return live.containsKey(handle);
    }

    @Override
    public HalResult<MemoryAllocation> allocationInfo(long handle) {
        MemoryAllocation allocation = live.get(handle);
        return allocation != null ? HalResult.ok(allocation) : refuse(handle, "describe");
    }

    @Override
    public boolean supportsAlignment(int alignment) {
        return MemoryAlignment.isPowerOfTwoWithin(alignment, MAX_ALIGNMENT);
    }

    @Override
    public boolean supportsMemoryType(MemoryType type) {
        return type == MemoryType.SYSTEM;
    }

    @Override
    public long maxAllocationSize() {
        return CAPACITY;
    }

    @Override
    public HalResult<Long> defragment(DefragmentationCallback callback) {
        return handles == null ? notInitialized() : HalResult.ok(0L);
    }

    @Override
    public HalResult<Void> gcHint() {
        return handles == null ? notInitialized() : HalResult.ok();
    }

    @Override
    public HalResult<Long> trim() {
        return handles == null ? notInitialized() : HalResult.ok(0L);
    }

    /**
     * {@code size} bytes of direct memory starting at a multiple of {@code alignment}: cut from a buffer large enough
     * to hold them wherever it starts. {@code size} is within the capacity, so the sum cannot overflow.
     */
    private static ByteBuffer aligned(long size, int alignment) {
        return ByteBuffer.allocateDirect((int) size + 2 * alignment).alignedSlice(alignment).limit((int) size).slice();
    }

    /** Reserves {@code size} bytes of the capacity, or returns false when they are not free. */
    private boolean reserve(long size) {
        long before;
        do {
            before = used.get();
            if (size > CAPACITY - before) {
                return false;
            }
        } while (!used.compareAndSet(before, before + size));
        peak.accumulateAndGet(before + size, Math::max);
        return true;
    }

    private MemoryAllocation record(MemoryAllocation allocation) {
        live.put(allocation.handle(), allocation);
        allocations.incrementAndGet();
        return allocation;
    }

    /** The documented error for a handle that names no live allocation: null, another driver's, or released. */
    private <T> HalResult<T> refuse(long handle, String verb) {
        HandleIssuer issuer = handles;
        return issuer == null ? notInitialized() : HalResult.err(issuer.refuse(handle, verb));
    }

    private static <T> HalResult<T> notInitialized() {
        return HalResult.err(HalError.invalidState(NAME + " is not initialized"));
    }
}
