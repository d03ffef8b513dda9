package flight.hal.driver.storage.internal;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.HostMachine;
import flight.hal.platform.GpuRange;
import flight.hal.platform.GpuTopology;
import flight.hal.platform.TemperatureSensor;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;
import flight.hal.storage.ZoneInfo;

/**
 * One block device per factory configuration of PID {@value #FACTORY_PID}, registered as a HAL driver of
 * {@link BlockDevice}. The device is opened when its configuration arrives (an immediate component, so it stays open
 * while nobody uses it) and closed when the configuration goes; it serves I/O for as long as it is open. Block
 * devices do not compete ({@link flight.hal.NonExclusive}): the registry initializes every one that opened and ranks
 * them only for roles ({@code ZONED}, {@code MEMORY_MAPPING}, {@code DMA}). {@link #initialize()} reports whether it
 * opened; {@link #shutdown()} flushes it.
 */
@Designate(ocd = DeviceMetatype.class, factory = true)
@Component(service = BlockDevice.class, configurationPid = HostBlockDevice.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@RegisterHalDriver(hal_interface = BlockDevice.class, hal_driver_name = DeviceConfig.DEFAULT_NAME)
public class HostBlockDevice implements BlockDevice, AutoCloseable {
    static final String FACTORY_PID = "flight.hal.storage.device";
    private static final Logger LOG = LoggerFactory.getLogger(HostBlockDevice.class);
    /** The registry's republication of an interface's selected driver. */
    private static final String SELECTED_DRIVER = "(" + HalDriver.SELECTED_PROPERTY + "=true)";

    /**
     * The temperature the device throttles by: the sensor the registry selected (and initialized), from the platform
     * bundle or any other; none, and no throttling, while there is none.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = SELECTED_DRIVER)
    volatile TemperatureSensor temperature;

    /** Where the calling thread's GPU is, for zone allocation: the registry's selected topology. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = SELECTED_DRIVER)
    volatile GpuTopology topology;

    /** Where the device's errors are posted ({@link flight.hal.storage.StorageEvents}), while it runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    private final DeviceCounters counters = new DeviceCounters();
    /** Closed with the device; the synchronous path holds it open while it uses the files. */
    private final CallGate gate = new CallGate();
    private DeviceConfig config;
    /** Null when the device could not be opened; {@link #failure} says why. */
    private BlockEngine engine;
    private HalError failure;
    private SubmissionQueue queue;
    private ThermalGovernor governor;
    private volatile boolean active;

    /** Opens a device outside a framework, as a configuration would: for the tests and benchmarks beside it. */
    static HostBlockDevice open(Map<String, ?> properties) {
        HostBlockDevice device = new HostBlockDevice();
        device.activate(properties);
        return device;
    }

    @Activate
    void activate(Map<String, ?> properties) {
        HalResult<DeviceConfig> configured = DeviceConfig.from(properties);
        config = configured.orElseGet(() -> DeviceConfig.bestEffort(properties));
        HalResult<BlockEngine> opened = configured.flatMap(BlockEngine::open);
        engine = opened.valueOrNull();
        failure = opened.errorOrNull();
        if (engine == null) {
            LOG.error("block device {} is unavailable: {}", config.name(), failure);
            DeviceErrorEvents.openFailed(eventAdmin, config.name(), failure);
            return;
        }
        governor = new ThermalGovernor(config.name(), config.thermal(), System::nanoTime);
        queue = new SubmissionQueue(config.name(), config.ioThreads(), config.queueDepth(), counters);
        LOG.info("block device {} open: {} {} at {}, {} blocks of {} bytes; {}", config.name(), config.kind(),
                engine.capabilities().features(), config.path(), config.capacityBlocks(), config.blockSize(),
                engine.description());
    }

    /** Waits for the synchronous calls in progress, runs what is queued, then closes the files; again does nothing. */
    @Override
    @Deactivate
    public void close() {
        active = false;
        if (engine != null && gate.close()) {
            queue.close();
            BackingFile.closeQuietly(engine);
        }
    }

    @Override
    public String name() {
        return config.name();
    }

    /** The configured {@code service.ranking}, which the configuration also gives its registration. */
    int ranking() {
        return config.ranking();
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public HalResult<Void> initialize() {
        if (engine == null) {
            return HalResult.err(HalError.initializationFailed("block device " + config.name()
                    + " could not be opened: " + failure));
        }
        if (gate.isClosed()) {
            return HalResult.err(closedError());
        }
        active = true;
        return HalResult.ok();
    }

    @Override
    public HalResult<Void> shutdown() {
        active = false;
        return engine == null || gate.isClosed() ? HalResult.ok()
                : engine.execute(IoRequest.flush()).map(done -> null);
    }

    @Override
    public boolean isActive() {
        return active;
    }

    /** Opened and not closed since. */
    @Override
    public boolean isAvailable() {
        return engine != null && !gate.isClosed();
    }

    /**
     * NVM is memory mapping; direct I/O is DMA into the caller's memory; a zoned device is {@code ZONED}, so a
     * consumer can ask the registry for the best one.
     */
    @Override
    public Set<HalCapability> capabilities() {
        if (engine == null) {
            return Set.of();
        }
        DeviceCapabilities caps = engine.capabilities();
        Set<HalCapability> capabilities = EnumSet.noneOf(HalCapability.class);
        if (caps.has(DeviceFeature.NVM)) {
            capabilities.add(HalCapability.MEMORY_MAPPING);
        } else if (caps.has(DeviceFeature.DIRECT_IO)) {
            capabilities.add(HalCapability.DMA);
        }
        if (caps.has(DeviceFeature.ZONED)) {
            capabilities.add(HalCapability.ZONED);
        }
        return Set.copyOf(capabilities);
    }

    @Override
    public PerformanceTier performanceTier() {
        return HostMachine.performanceTier(HostMachine.memoryBytes());
    }

    /** The host, with the device's block size as alignment and its maximum transfer as largest single request. */
    @Override
    public PlatformInfo platformInfo() {
        return new PlatformInfo(System.getProperty("os.name", "unknown"), System.getProperty("os.arch", "unknown"),
                System.getProperty("os.version", ""), HostMachine.memoryBytes(), config.blockSize(),
                config.maxTransferBytes(), Runtime.getRuntime().availableProcessors(), 0);
    }

    @Override
    public DeviceCapabilities deviceCapabilities() {
        return engine == null ? new DeviceCapabilities(config.blockSize(), config.blockSize(), 0,
                config.maxTransferBytes(), 0, 0, 0, config.queueDepth(), Set.of()) : engine.capabilities();
    }

    /** The I/O path in use (page cache or direct, synchronous mapping or msync), or why the device is unavailable. */
    public String ioPath() {
        return engine == null ? "unavailable: " + failure : engine.description();
    }

    @Override
    public CompletionStage<HalResult<IoResult>> submit(IoRequest request) {
        if (request == null) {
            return CompletableFuture.completedStage(HalResult.err(HalError.invalidParameter("the request is null")));
        }
        HalError unusable = unusable();
        if (unusable != null) {
            return CompletableFuture.completedStage(HalResult.err(unusable));
        }
        return queue.submit(() -> reported(request, run(request))).minimalCompletionStage();
    }

    /**
     * The synchronous wrapper without the queue: the request runs on the calling thread, with the same checks,
     * throttling and counters as a submitted one. Handing it to an I/O thread and waiting for the answer would only add
     * two thread switches (the cost that kept the synchronous path below a raw channel's speed).
     */
    @Override
    public HalResult<IoResult> execute(IoRequest request) {
        if (request == null) {
            return HalResult.err(HalError.invalidParameter("the request is null"));
        }
        HalError unusable = unusable();
        if (unusable != null) {
            return HalResult.err(unusable);
        }
        if (!gate.enter()) {
            return HalResult.err(closedError());
        }
        HalResult<IoResult> result;
        try {
            counters.submitted();
            result = run(request);
        } catch (RuntimeException e) {
            result = SubmissionQueue.failed(e);
        } finally {
            gate.leave();
        }
        return reported(request, result);
    }

    /** {@code result}, after posting it to Event Admin when the medium failed; called outside the gate. */
    private HalResult<IoResult> reported(IoRequest request, HalResult<IoResult> result) {
        DeviceErrorEvents.operationFailed(eventAdmin, config.name(), request.operation().name(), result.errorOrNull());
        return result;
    }

    /** Executes {@code request} after the thermal pause, if any, and counts its completion. */
    private HalResult<IoResult> run(IoRequest request) {
        long pause = governor.pauseNanos(temperature);
        if (pause > 0) {
            counters.throttled();
            LockSupport.parkNanos(pause);
        }
        HalResult<IoResult> result = engine.execute(request);
        counters.completed(result, config.blockSize());
        return result;
    }

    @Override
    public HalResult<IoResult> transferLarge(IoRequest request) {
        HalError unusable = unusable();
        return unusable != null ? HalResult.err(unusable)
                : LargeTransfer.run(request, engine.capabilities(), this::execute, Thread::yield);
    }

    @Override
    public HalResult<List<ZoneInfo>> reportZones() {
        HalError unusable = unusable();
        return unusable != null ? HalResult.err(unusable) : engine.reportZones();
    }

    @Override
    public HalResult<ZoneInfo> allocateZone() {
        HalError unusable = unusable();
        if (unusable != null) {
            return HalResult.err(unusable);
        }
        GpuTopology gpus = topology;
        Optional<GpuRange> near = gpus == null ? Optional.empty() : gpus.callingRange();
        return engine.allocateZone(near);
    }

    @Override
    public HalResult<Void> persist(long byteOffset, long length) {
        HalError unusable = unusable();
        return unusable != null ? HalResult.err(unusable) : engine.persist(byteOffset, length);
    }

    /** The mapping of an open NVM device; a mapping taken before {@link #close()} stays valid memory after it. */
    @Override
    public HalResult<ByteBuffer> mapping() {
        HalError unusable = unusable();
        return unusable != null ? HalResult.err(unusable) : engine.mapping();
    }

    @Override
    public DeviceStats stats() {
        return counters.snapshot();
    }

    /**
     * Why the device cannot serve a call (it never opened, or it was closed), or null when it can: the one check
     * every call makes before it touches the engine, whose files are closed with the device.
     */
    private HalError unusable() {
        if (engine == null) {
            return HalError.unavailable("block device " + config.name() + " is unavailable: " + failure);
        }
        return gate.isClosed() ? closedError() : null;
    }

    private HalError closedError() {
        return new HalError(ErrorCategory.INVALID_STATE, StorageErrors.DEVICE_CLOSED, "block device " + config.name()
                + " is closed");
    }
}
