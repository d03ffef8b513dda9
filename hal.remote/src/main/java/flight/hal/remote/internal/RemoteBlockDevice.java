package flight.hal.remote.internal;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.framework.ServiceException;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.fleet.HalFleet;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;
import flight.hal.storage.ZoneInfo;
import flight.hal.remote.internal.RemoteNode.Device;
import flight.hal.remote.internal.RemoteNode.IoCall;
import flight.hal.remote.internal.RemoteNode.IoReply;
import flight.hal.remote.internal.RemoteNode.StatsReply;
import flight.hal.remote.internal.RemoteNode.ZonesReply;

/**
 * A node's block device on the controller, named {@code <node>/<device>}: every call goes to the node, which answers
 * with its device's result or error (returned unchanged, category and code). A call the node does not answer (dead,
 * hung past the provider's call timeout, refused) is an {@code UNAVAILABLE} error with code
 * {@value HalFleet#NODE_UNREACHABLE}, never an exception or a hang, and marks the node unreachable: the device is then
 * unavailable until the node's heartbeat is answered again. It has no mapping: the NVM features stay on the node.
 */
final class RemoteBlockDevice implements BlockDevice {
    /** Features that need the device's memory in this JVM. */
    private static final Set<DeviceFeature> LOCAL_ONLY = EnumSet.of(DeviceFeature.NVM,
            DeviceFeature.SYNCHRONOUS_MAPPING);

    private final ImportedNode node;
    private final String name;
    private final Executor executor;
    private volatile Device device;
    private volatile boolean active;
    private volatile DeviceStats lastStats = new DeviceStats(0, 0, 0, 0, 0, 0, 0);
    /** The most data one call carries: a quarter of a frame's limit, whole blocks of any size up to it. */
    int maxCallBytes = Frames.MAX_PAYLOAD_BYTES / 4;

    /** {@code executor} runs {@link #submit}'s calls, so the caller's thread never waits for the node. */
    RemoteBlockDevice(ImportedNode node, Device device, Executor executor) {
        this.node = node;
        this.name = node.name() + "/" + device.name();
        this.device = device;
        this.executor = executor;
    }

    /**
     * Takes the node's new description of the device (its availability, ranking or geometry changed there).
     *
     * @return whether it differs from the one before
     */
    boolean update(Device described) {
        Device before = device;
        device = described;
        return !before.equals(described);
    }

    /** Its {@code service.ranking} on the node, which it keeps on the controller. */
    int ranking() {
        return device.ranking();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeviceCapabilities deviceCapabilities() {
        return device.geometry().toCapabilities(LOCAL_ONLY);
    }

    @Override
    public CompletionStage<HalResult<IoResult>> submit(IoRequest request) {
        try {
            return CompletableFuture.supplyAsync(() -> execute(request), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(HalResult.err(HalError.unavailable(
                    name() + " is being removed: " + e.getMessage())));
        }
    }

    /**
     * {@code INVALID_PARAMETER} ({@code io.too_large}) above {@link #maxCallBytes}, the most one call to the node
     * carries; {@link #transferLarge} splits such a transfer.
     */
    @Override
    public HalResult<IoResult> execute(IoRequest request) {
        if (payload(request) > maxCallBytes) {
            return HalResult.err(new HalError(ErrorCategory.INVALID_PARAMETER, StorageErrors.TOO_LARGE, name()
                    + ": " + payload(request) + " bytes are more than one remote call carries (" + maxCallBytes
                    + "); transferLarge splits them"));
        }
        return io(request, false);
    }

    /** Sends a transfer above {@link #maxCallBytes} as consecutive calls of whole blocks, each a large transfer. */
    @Override
    public HalResult<IoResult> transferLarge(IoRequest request) {
        int bytes = payload(request);
        boolean transfer = request.operation() == IoOperation.READ || request.operation() == IoOperation.WRITE;
        if (bytes <= maxCallBytes || !transfer) {
            return io(request, true);
        }
        int block = device.geometry().logicalBlockSize();
        if (bytes % block != 0) {
            return HalResult.err(new HalError(ErrorCategory.INVALID_PARAMETER, StorageErrors.MISALIGNED, name()
                    + ": " + bytes + " bytes are not a whole number of " + block + "-byte blocks"));
        }
        int step = maxCallBytes - maxCallBytes % block;
        ByteBuffer buffer = request.buffer();
        for (int offset = 0; offset < bytes; offset += step) {
            int length = Math.min(step, bytes - offset);
            HalResult<IoResult> part = io(new IoRequest(request.operation(), request.lba() + offset / block,
                    length / block, buffer.slice(buffer.position() + offset, length), request.fua()), true);
            if (part.isErr()) {
                return part;
            }
        }
        return HalResult.ok(new IoResult(request.operation(), request.lba(), bytes / block));
    }

    private static int payload(IoRequest request) {
        return request.buffer() == null ? 0 : request.buffer().remaining();
    }

    private HalResult<IoResult> io(IoRequest request, boolean large) {
        IoCall call = IoCall.of(request, large);
        return call(() -> node.remote().io(device.name(), call), IoReply::failure, reply -> {
            if (request.operation() == IoOperation.READ) {
                byte[] data = reply.data();
                if (data == null || data.length != request.length()) {
                    return HalResult.err(HalError.internal(name() + " answered a read of " + request.length()
                            + " bytes with " + (data == null ? "none" : data.length + " bytes")));
                }
                request.buffer().duplicate().put(data); // the caller's position and limit stay as they were
            }
            return HalResult.ok(new IoResult(reply.operation(), reply.lba(), reply.blocks()));
        });
    }

    @Override
    public HalResult<List<ZoneInfo>> reportZones() {
        return call(() -> node.remote().reportZones(device.name()), ZonesReply::failure,
                reply -> HalResult.ok(reply.zones().stream().map(RemoteNode.Zone::toZoneInfo).toList()));
    }

    @Override
    public HalResult<ZoneInfo> allocateZone() {
        return call(() -> node.remote().allocateZone(device.name()), ZonesReply::failure,
                reply -> reply.zones().size() == 1 ? HalResult.ok(reply.zones().get(0).toZoneInfo())
                : HalResult.err(HalError.internal(name() + " allocated " + reply.zones().size() + " zones")));
    }

    @Override
    public HalResult<Void> persist(long byteOffset, long length) {
        return HalResult.err(HalError.unsupportedCapability(name() + " is remote: it has no mapping to persist"));
    }

    @Override
    public HalResult<ByteBuffer> mapping() {
        return HalResult.err(HalError.unsupportedCapability(name() + " is remote: it has no mapping"));
    }

    /** The node's counters; the last ones read while the node does not answer (then no call is made). */
    @Override
    public DeviceStats stats() {
        call(() -> node.remote().stats(device.name()), StatsReply::failure, reply -> {
            lastStats = reply.toStats();
            return HalResult.ok();
        });
        return lastStats;
    }

    /**
     * Calls the node: its reply's failure is returned as the node's error, an unanswered call (any exception from
     * the provider's proxy, a {@code null} reply) as {@value HalFleet#NODE_UNREACHABLE}.
     */
    private <R, T> HalResult<T> call(Supplier<R> remoteCall, Function<R, RemoteNode.Failure> failure,
                                     Function<R, HalResult<T>> onReply) {
        if (!node.reachable()) {
            return unreachable("its heartbeat is not answered");
        }
        R reply;
        try {
            reply = remoteCall.get();
        } catch (ServiceException e) {
            return unreachable(e.getMessage());
        } catch (RuntimeException e) {
            return unreachable(e.toString());
        }
        if (reply == null) {
            return unreachable("no reply");
        }
        RemoteNode.Failure failed = failure.apply(reply);
        return failed != null ? HalResult.err(failed.toError()) : onReply.apply(reply);
    }

    private <T> HalResult<T> unreachable(String why) {
        node.callUnanswered();
        return HalResult.err(new HalError(ErrorCategory.UNAVAILABLE, HalFleet.NODE_UNREACHABLE,
                "node " + node.name() + " did not answer for " + name() + ": " + why));
    }

    @Override
    public String version() {
        return device.version();
    }

    /** Only this side's state: the device itself is brought up and down by the node's own registry. */
    @Override
    public HalResult<Void> initialize() {
        active = true;
        return HalResult.ok();
    }

    @Override
    public HalResult<Void> shutdown() {
        active = false;
        return HalResult.ok();
    }

    @Override
    public boolean isActive() {
        return active;
    }

    /** Available on the node at its last heartbeat, and the node reachable. */
    @Override
    public boolean isAvailable() {
        return device.available() && node.reachable();
    }

    @Override
    public Set<HalCapability> capabilities() {
        Set<HalCapability> capabilities = device.capabilities().isEmpty() ? EnumSet.noneOf(HalCapability.class)
                : EnumSet.copyOf(device.capabilities());
        capabilities.remove(HalCapability.MEMORY_MAPPING);
        return capabilities;
    }

    @Override
    public PerformanceTier performanceTier() {
        return device.tier();
    }

    @Override
    public PlatformInfo platformInfo() {
        return device.platform().toPlatformInfo();
    }
}
