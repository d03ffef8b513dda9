package flight.hal.remote.internal;

import java.util.Map;

import org.osgi.framework.Constants;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;
import flight.hal.storage.ZoneInfo;

/**
 * A block device in memory that checks requests as the host's file device does (the same categories and codes for a
 * missing or read-only buffer, misalignment, range, and zone operations on a device that is not zoned) and remembers
 * the last request's FUA flag.
 */
public class MemoryBlockDevice implements BlockDevice {
    public static final int BLOCK = 512;

    private final String name;
    private final byte[] medium;
    private long bytesRead;
    private long bytesWritten;
    volatile boolean lastFua;
    volatile boolean available = true;

    /** This device as a DS tuple of a node's reference: its service properties (a ranking) and itself. */
    Map.Entry<Map<String, Object>, BlockDevice> ranked(int ranking) {
        return Map.entry(Map.of(Constants.SERVICE_RANKING, ranking), this);
    }

    public MemoryBlockDevice(String name, int blocks) {
        this.name = name;
        this.medium = new byte[blocks * BLOCK];
    }

    @Override
    public DeviceCapabilities deviceCapabilities() {
        return new DeviceCapabilities(BLOCK, 4096, medium.length / BLOCK, 64 * BLOCK, 0, 0, 0, 8,
                EnumSet.of(DeviceFeature.FUA, DeviceFeature.NVM));
    }

    @Override
    public CompletionStage<HalResult<IoResult>> submit(IoRequest request) {
        return CompletableFuture.completedFuture(execute(request));
    }

    @Override
    public synchronized HalResult<IoResult> execute(IoRequest request) {
        lastFua = request.fua();
        IoOperation operation = request.operation();
        if (operation.managesZone() || operation == IoOperation.ZONE_APPEND) {
            return notZoned();
        }
        if (operation == IoOperation.FLUSH) {
            return HalResult.ok(new IoResult(operation, 0, 0));
        }
        ByteBuffer buffer = request.buffer();
        if (buffer == null) {
            return error(ErrorCategory.INVALID_PARAMETER, StorageErrors.NO_BUFFER, operation + " needs a buffer");
        }
        if (operation == IoOperation.READ && buffer.isReadOnly()) {
            return error(ErrorCategory.INVALID_PARAMETER, StorageErrors.READ_ONLY_BUFFER, "read into read-only");
        }
        int length = buffer.remaining();
        if (length % BLOCK != 0) {
            return error(ErrorCategory.INVALID_PARAMETER, StorageErrors.MISALIGNED, length + " bytes");
        }
        long offset = request.lba() * BLOCK;
        if (request.lba() < 0 || offset + length > medium.length) {
            return error(ErrorCategory.INVALID_PARAMETER, StorageErrors.OUT_OF_RANGE, "lba " + request.lba());
        }
        if (operation == IoOperation.READ) {
            buffer.put(buffer.position(), medium, (int) offset, length);
            bytesRead += length;
        } else {
            buffer.get(buffer.position(), medium, (int) offset, length);
            bytesWritten += length;
        }
        return HalResult.ok(new IoResult(operation, request.lba(), length / BLOCK));
    }

    private static <T> HalResult<T> error(ErrorCategory category, String code, String message) {
        return HalResult.err(new HalError(category, code, message));
    }

    private static <T> HalResult<T> notZoned() {
        return error(ErrorCategory.UNSUPPORTED_CAPABILITY, StorageErrors.NOT_ZONED, "not a zoned device");
    }

    @Override
    public HalResult<IoResult> transferLarge(IoRequest request) {
        return execute(request);
    }

    @Override
    public HalResult<List<ZoneInfo>> reportZones() {
        return notZoned();
    }

    @Override
    public HalResult<ZoneInfo> allocateZone() {
        return notZoned();
    }

    @Override
    public HalResult<Void> persist(long byteOffset, long length) {
        return HalResult.ok();
    }

    @Override
    public HalResult<ByteBuffer> mapping() {
        return HalResult.ok(ByteBuffer.wrap(medium));
    }

    @Override
    public synchronized DeviceStats stats() {
        return new DeviceStats(0, 0, 0, 0, 0, bytesRead, bytesWritten);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return "1.2.3";
    }

    @Override
    public HalResult<Void> initialize() {
        return HalResult.ok();
    }

    @Override
    public HalResult<Void> shutdown() {
        return HalResult.ok();
    }

    @Override
    public boolean isActive() {
        return true;
    }

    @Override
    public boolean isAvailable() {
        return available;
    }

    @Override
    public Set<HalCapability> capabilities() {
        return EnumSet.of(HalCapability.MEMORY_MAPPING, HalCapability.DMA);
    }

    @Override
    public PerformanceTier performanceTier() {
        return PerformanceTier.HIGH;
    }

    @Override
    public PlatformInfo platformInfo() {
        return new PlatformInfo("memory", "test", "1", 1 << 20, 16, 1 << 20, 1, 4096);
    }
}
