package flight.hal.testing.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.memory.MemoryLayout;
import flight.hal.driver.support.memory.PartitionSpec;
import flight.hal.driver.support.memory.PartitionedMemoryDriver;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.DefragmentationCallback;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;
import flight.hal.testing.MemoryFaults;

/**
 * A real memory driver (the support library's, over a 16 MiB region) with the faults its factory configuration asks
 * for ({@link MemoryFaults}): one instance per configuration, its name and ranking from it. The faults come before
 * the real driver is called, so a failed call changes nothing.
 */
@Component(service = MemoryDriver.class, scope = ServiceScope.PROTOTYPE, configurationPid = MemoryFaults.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@RegisterHalDriver(hal_interface = MemoryDriver.class, hal_driver_name = "faulty.memory")
public class FaultInjectingMemoryDriver implements MemoryDriver {
    private static final long REGION = 16L * 1024 * 1024;
    private static final int ALIGNMENT = 8;
    private static final MemoryLayout LAYOUT = new MemoryLayout(REGION, List.of(new PartitionSpec("heap",
            MemoryType.SYSTEM, Set.of(MemoryType.values()), 0, REGION, ALIGNMENT, ALIGNMENT, null, null)),
            REGION, REGION);
    /**
     * Total memory unknown (0): the resource manager then keeps the budgets it has instead of sizing them from a test
     * driver's region.
     */
    private static final PlatformProfile PLATFORM = new PlatformProfile(
            new PlatformInfo("Fault injection", System.getProperty("os.arch", "unknown"), "", 0, ALIGNMENT, REGION, 1,
                    0),
            Set.of(HalCapability.BASIC_MEMORY), PerformanceTier.STANDARD);

    private final AtomicLong calls = new AtomicLong();
    private volatile Faults faults;
    /** The real driver, made on activation with the configured name. */
    private volatile MemoryDriver real;

    /** What a configuration asks for, read once per change. */
    private record Faults(boolean failInitialize, boolean available, long latencyNanos, long failEvery,
                          long outOfMemoryAt) {
        static Faults of(Map<String, Object> properties) {
            return new Faults(Boolean.parseBoolean(String.valueOf(properties.get(MemoryFaults.FAIL_INITIALIZE))),
                    !"false".equals(String.valueOf(properties.get(MemoryFaults.AVAILABLE))),
                    Duration.ofMillis(number(properties, MemoryFaults.LATENCY_MILLIS)).toNanos(),
                    number(properties, MemoryFaults.FAIL_EVERY), number(properties, MemoryFaults.OUT_OF_MEMORY_AT));
        }

        private static long number(Map<String, Object> properties, String key) {
            Object value = properties.get(key);
            return value == null ? 0 : Math.max(0, Long.parseLong(value.toString().trim()));
        }
    }

    /** The support library's partitioned driver over {@link #LAYOUT}. */
    private static final class Region extends PartitionedMemoryDriver {
        Region(String name) {
            super(name, LAYOUT);
        }

        @Override
        protected PlatformProfile platform() {
            return PLATFORM;
        }
    }

    @Activate
    void activate(Map<String, Object> properties) {
        real = new Region(String.valueOf(properties.get(NAME_PROPERTY)));
        faults = Faults.of(properties);
    }

    /** A changed configuration changes the faults in place; the driver keeps its allocations. */
    @Modified
    void modified(Map<String, Object> properties) {
        faults = Faults.of(properties);
    }

    @Deactivate
    void deactivate() {
        real.shutdown();
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public String version() {
        return real.version();
    }

    @Override
    public HalResult<Void> initialize() {
        return faults.failInitialize()
                ? HalResult.err(HalError.initializationFailed(name() + ": configured to fail initialization"))
                : real.initialize();
    }

    @Override
    public HalResult<Void> shutdown() {
        return real.shutdown();
    }

    @Override
    public boolean isActive() {
        return real.isActive();
    }

    @Override
    public boolean isAvailable() {
        return faults.available();
    }

    @Override
    public Set<HalCapability> capabilities() {
        return real.capabilities();
    }

    @Override
    public PerformanceTier performanceTier() {
        return real.performanceTier();
    }

    @Override
    public PlatformInfo platformInfo() {
        return real.platformInfo();
    }

    @Override
    public HalResult<MemoryAllocation> allocate(AllocationRequest request) {
        return injected("allocate").flatMap(ok -> withinThreshold(request));
    }

    /** Allocates unless the allocation would take the bytes in use past the configured threshold. */
    private synchronized HalResult<MemoryAllocation> withinThreshold(AllocationRequest request) {
        long threshold = faults.outOfMemoryAt();
        if (threshold > 0 && request != null) {
            HalResult<MemoryStats> stats = real.stats();
            if (stats.isOk() && request.size() > threshold - stats.valueOrNull().usedBytes()) {
                return HalResult.err(HalError.outOfMemory(name() + ": " + request.size() + " more bytes would pass the "
                        + threshold + " bytes it is configured to run out at"));
            }
        }
        return real.allocate(request);
    }

    @Override
    public HalResult<Void> deallocate(long handle) {
        return injected("deallocate").flatMap(ok -> real.deallocate(handle));
    }

    @Override
    public HalResult<MemoryAllocation> reallocate(long handle, long newSize) {
        return injected("reallocate").flatMap(ok -> real.reallocate(handle, newSize));
    }

    @Override
    public HalResult<MemoryStats> stats() {
        return real.stats();
    }

    @Override
    public HalResult<MemoryStats> stats(MemoryType type) {
        return real.stats(type);
    }

    @Override
    public boolean isValid(long handle) {
        return real.isValid(handle);
    }

    @Override
    public HalResult<MemoryAllocation> allocationInfo(long handle) {
        return real.allocationInfo(handle);
    }

    @Override
    public boolean supportsAlignment(int alignment) {
        return real.supportsAlignment(alignment);
    }

    @Override
    public boolean supportsMemoryType(MemoryType type) {
        return real.supportsMemoryType(type);
    }

    @Override
    public long maxAllocationSize() {
        return real.maxAllocationSize();
    }

    @Override
    public HalResult<Long> defragment(DefragmentationCallback callback) {
        return real.defragment(callback);
    }

    @Override
    public HalResult<Void> gcHint() {
        return real.gcHint();
    }

    @Override
    public HalResult<Long> trim() {
        return real.trim();
    }

    /** The configured latency, then the configured failure of every n-th call. */
    private HalResult<Void> injected(String verb) {
        Faults now = faults;
        if (now.latencyNanos() > 0) {
            LockSupport.parkNanos(now.latencyNanos());
        }
        long call = calls.incrementAndGet();
        if (now.failEvery() > 0 && call % now.failEvery() == 0) {
            return HalResult.err(HalError.internal(name() + ": injected fault: " + verb + " (call " + call
                    + ", every " + now.failEvery() + "th fails); nothing was changed"));
        }
        return HalResult.ok();
    }
}
