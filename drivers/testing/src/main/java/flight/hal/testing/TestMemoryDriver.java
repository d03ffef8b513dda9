package flight.hal.testing;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

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
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

/**
 * A heap-backed memory driver that is strict about its lifecycle: any call before {@code initialize()} or after
 * {@code shutdown()} fails, so a registry that routes a call to a driver it has left shows up as a failed call.
 * Its behaviour can be bent through component properties: {@value #FAIL_INIT} makes {@code initialize()} fail,
 * {@value #AVAILABLE}{@code =false} makes it unavailable.
 */
@Component(service = MemoryDriver.class, configurationPid = "flight.hal.test.memory.high")
@RegisterHalDriver(hal_interface = MemoryDriver.class, hal_driver_name = "test.memory", service_ranking = 100)
public class TestMemoryDriver implements MemoryDriver {
    static final String FAIL_INIT = "fail.init";
    static final String AVAILABLE = "available";
    private static final long CAPACITY = 64L * 1024 * 1024;
    private static final int MAX_ALIGNMENT = 4096;

    private final Map<Long, MemoryAllocation> allocations = new ConcurrentHashMap<>();
    private final AtomicLong handles = new AtomicLong();
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong allocated = new AtomicLong();
    private final AtomicLong released = new AtomicLong();
    private volatile Map<String, Object> properties = Map.of();
    private volatile boolean active;

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
    public int priority() {
        return properties.get("service.ranking") instanceof Integer ranking ? ranking : 0;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public HalResult<Void> initialize() {
        if (Boolean.parseBoolean(String.valueOf(properties.get(FAIL_INIT)))) {
            return HalResult.err(HalError.initializationFailed("driver " + name() + " is configured to fail"));
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
        return checkActive().flatMap(ok -> request.check(CAPACITY, MAX_ALIGNMENT)).map(ok -> {
            long handle = handles.incrementAndGet();
            MemoryAllocation allocation = new MemoryAllocation(handle, ByteBuffer.allocate((int) request.size()),
                    request.size(), request.alignment(), request.flags(), request.type());
            allocations.put(handle, allocation);
            used.addAndGet(request.size());
            allocated.incrementAndGet();
            return allocation;
        });
    }

    @Override
    public HalResult<Void> deallocate(long handle) {
        return checkActive().flatMap(ok -> {
            MemoryAllocation removed = allocations.remove(handle);
            if (removed == null) {
                return HalResult.err(HalError.notFound("unknown handle " + handle + " in driver " + name()));
            }
            used.addAndGet(-removed.size());
            released.incrementAndGet();
            return HalResult.ok();
        });
    }

    @Override
    public HalResult<MemoryAllocation> reallocate(long handle, long newSize) {
        return HalResult.err(HalError.unsupportedCapability("the test driver does not reallocate"));
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
        return allocation == null ? HalResult.err(HalError.notFound("unknown handle " + handle))
                : HalResult.ok(allocation);
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

    private HalResult<Void> checkActive() {
        return active ? HalResult.ok()
                : HalResult.err(HalError.invalidState("driver " + name() + " was called while not initialized"));
    }
}
