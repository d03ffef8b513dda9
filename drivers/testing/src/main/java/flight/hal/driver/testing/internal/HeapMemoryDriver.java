package flight.hal.driver.testing.internal;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;

import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.ObjectOwner;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.driver.support.memory.MemoryAdoption;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.DefragmentationCallback;
import flight.hal.memory.MemoryAlignment;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryHandOver;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

/**
 * A heap-backed memory driver that is strict about its lifecycle: any call before {@code initialize()} or after
 * {@code shutdown()} fails, so a registry that routes a call to a driver it has left shows up as a failed call.
 * Its behaviour can be bent through component properties: {@value #FAIL_INIT} makes {@code initialize()} fail,
 * {@value #AVAILABLE}{@code =false} makes it unavailable. In a hot swap it adopts any allocations within its size
 * limit, keeping their handles and buffers.
 *
 * <p>The base of the test bundle's memory driver components, which declares their lifecycle once (the bundle builds
 * with bnd's {@code -dsannotations-options: inherit}); each component registers itself with its own
 * {@code @RegisterHalDriver}. It carries none, so that no component inherits another's name or ranking.
 */
public abstract class HeapMemoryDriver implements MemoryDriver, ObjectOwner<MemoryHandOver> {
    static final String FAIL_INIT = "fail.init";
    static final String AVAILABLE = "available";
    private static final long CAPACITY = 64L * 1024 * 1024;
    private static final int MAX_ALIGNMENT = 4096;

    private final Map<Long, MemoryAllocation> allocations = new ConcurrentHashMap<>();
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong allocated = new AtomicLong();
    private final AtomicLong released = new AtomicLong();
    private volatile Map<String, Object> properties = Map.of();
    private volatile boolean active;
    /** The issuer of this initialization's handles; a new one per initialization. Guarded by this. */
    private HandleIssuer handles;

    /**
     * The activate and modified method of every component extending this class: a changed configuration, its
     * ranking included, modifies the driver in place.
     */
    @Activate
    @Modified
    void configure(Map<String, Object> componentProperties) {
        properties = Map.copyOf(componentProperties);
    }

    @Override
    public String name() {
        return String.valueOf(properties.get(NAME_PROPERTY));
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public synchronized HalResult<Void> initialize() {
        if (Boolean.parseBoolean(String.valueOf(properties.get(FAIL_INIT)))) {
            return HalResult.err(HalError.initializationFailed("driver " + name() + " is configured to fail"));
        }
        if (!active) {
            handles = HandleIssuer.forDriver(name());
        }
        active = true;
        return HalResult.ok();
    }

    @Override
    public HalResult<Void> shutdown() {
        active = false;
        allocations.clear();
        used.set(0);
        return HalResult.ok();
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public boolean isAvailable() {
        return !"false".equals(String.valueOf(properties.get(AVAILABLE)));
    }

    @Override
    public Set<HalCapability> capabilities() {
        return EnumSet.of(HalCapability.BASIC_MEMORY);
    }

    @Override
    public PerformanceTier performanceTier() {
        return PerformanceTier.STANDARD;
    }

    @Override
    public PlatformInfo platformInfo() {
        return new PlatformInfo("Test", "heap", "1", CAPACITY, 8, CAPACITY, 1, 0);
    }

    @Override
    public HalResult<MemoryAllocation> allocate(AllocationRequest request) {
        return checkActive().flatMap(ok -> AllocationRequest.check(request, CAPACITY, MAX_ALIGNMENT))
                .flatMap(ok -> checkType(request.type())).map(ok -> {
            long handle = handles().issue();
            MemoryAllocation allocation = new MemoryAllocation(handle, ByteBuffer.allocate((int) request.size()),
                    request.size(), request.alignment(), request.flags(), request.type());
            allocations.put(handle, allocation);
            used.addAndGet(request.size());
            allocated.incrementAndGet();
            return allocation;
        });
    }

    private HalResult<Void> checkType(MemoryType type) {
        return supportsMemoryType(type) ? HalResult.ok()
                : HalResult.err(HalError.unsupportedCapability(name() + " has only SYSTEM memory, not " + type));
    }

    @Override
    public HalResult<Void> deallocate(long handle) {
        return checkActive().flatMap(ok -> remove(handle) != null ? HalResult.ok()
                : HalResult.err(handles().refuse(handle, "release")));
    }

    /** Removes a live allocation, counting its release; null when no live allocation has the handle. */
    private MemoryAllocation remove(long handle) {
        MemoryAllocation removed = allocations.remove(handle);
        if (removed != null) {
            used.addAndGet(-removed.size());
            released.incrementAndGet();
        }
        return removed;
    }

    @Override
    public HalResult<MemoryAllocation> reallocate(long handle, long newSize) {
        return checkActive().flatMap(ok -> allocations.containsKey(handle)
                ? HalResult.err(HalError.unsupportedCapability("the test driver does not reallocate"))
                : HalResult.err(handles().refuse(handle, "reallocate")));
    }

    @Override
    public HalResult<MemoryStats> stats() {
        long usedNow = used.get();
        return checkActive().map(ok -> new MemoryStats(CAPACITY, usedNow, CAPACITY - usedNow, usedNow,
                allocations.size(), allocated.get(), released.get(), CAPACITY - usedNow));
    }

    @Override
    public HalResult<MemoryStats> stats(MemoryType type) {
        return type == MemoryType.SYSTEM ? stats()
                : HalResult.err(HalError.unsupportedCapability("the test driver has only SYSTEM memory"));
    }

    @Override
    public boolean isValid(long handle) {
        return allocations.containsKey(handle);
    }

    @Override
    public HalResult<MemoryAllocation> allocationInfo(long handle) {
        MemoryAllocation allocation = allocations.get(handle);
        return allocation == null ? HalResult.err(handles().refuse(handle, "describe")) : HalResult.ok(allocation);
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
        return checkActive().map(ok -> 0L);
    }

    @Override
    public HalResult<Void> gcHint() {
        return checkActive();
    }

    @Override
    public HalResult<Long> trim() {
        return checkActive().map(ok -> 0L);
    }

    /** The issuer of this initialization's handles; before the first initialization one made on demand. */
    @Override
    public synchronized HandleIssuer handles() {
        if (handles == null) {
            handles = HandleIssuer.forDriver(name());
        }
        return handles;
    }

    @Override
    public LiveObjects liveObjects() {
        return new LiveObjects(allocations.size(), used.get());
    }

    @Override
    public HalResult<MemoryHandOver> exportObjects() {
        return checkActive().map(ok -> new MemoryHandOver(List.copyOf(allocations.values())));
    }

    @Override
    public HalResult<LiveObjects> adoptObjects(MemoryHandOver objects, HandleIssuer from) {
        return checkActive().flatMap(ok -> MemoryAdoption.adoptWithin(name(), CAPACITY, objects, from, this::keep,
                handles()));
    }

    /** Keeps allocations another driver made, counting them as allocated here. */
    private void keep(List<MemoryAllocation> adopted) {
        adopted.forEach(allocation -> allocations.put(allocation.handle(), allocation));
        used.addAndGet(adopted.stream().mapToLong(MemoryAllocation::size).sum());
        allocated.addAndGet(adopted.size());
    }

    @Override
    public void exportCompleted() {
        dropObjects();
    }

    @Override
    public LiveObjects dropObjects() {
        LiveObjects dropped = liveObjects();
        allocations.keySet().forEach(this::remove);
        return dropped;
    }

    private HalResult<Void> checkActive() {
        return active ? HalResult.ok()
                : HalResult.err(HalError.invalidState("driver " + name() + " was called while not initialized"));
    }
}
