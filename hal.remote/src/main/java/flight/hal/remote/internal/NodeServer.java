package flight.hal.remote.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.registry.HalRegistry;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.ZoneInfo;

/**
 * The node side of {@link RemoteNode}: answers heartbeats with a key of its devices (cheap: a heartbeat comes every
 * 500 ms), lists them, describes its registry and serves its block devices by name. The request is rebuilt with a
 * buffer of the caller's kind, so the device itself judges alignment, range, buffer and zone rules and its error goes
 * back unchanged. A device that throws or answers {@code null} is an {@code INTERNAL} failure, not a broken call.
 */
final class NodeServer implements RemoteNode {
    static final String NO_DEVICE = "remote.no_device";
    private static final Logger LOG = LoggerFactory.getLogger(NodeServer.class);

    private final String node;
    private final Supplier<? extends Collection<Map.Entry<Map<String, Object>, BlockDevice>>> devices;
    private final Supplier<HalRegistry> registry;

    /**
     * {@code devices}: the node's block devices now, with their service properties (they come and go);
     * {@code registry}: the node's registry, or {@code null} while it has none.
     */
    NodeServer(String node, Supplier<? extends Collection<Map.Entry<Map<String, Object>, BlockDevice>>> devices,
               Supplier<HalRegistry> registry) {
        this.node = node;
        this.devices = devices;
        this.registry = registry;
    }

    @Override
    public Heartbeat heartbeat() {
        StringBuilder key = new StringBuilder();
        for (Map.Entry<Map<String, Object>, BlockDevice> device : devices.get()) {
            try {
                key.append(device.getValue().name()).append(':').append(ranking(device.getKey())).append(':')
                        .append(device.getKey().get(Constants.SERVICE_ID)).append(':')
                        .append(device.getValue().isAvailable()).append(':')
                        .append(device.getValue().deviceCapabilities().hashCode()).append('/');
            } catch (RuntimeException e) {
                key.append("?/"); // listed without it, as devices() leaves it out
            }
        }
        return new Heartbeat(node, key.toString());
    }

    @Override
    public List<Device> devices() {
        List<Device> listed = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, BlockDevice> device : devices.get()) {
            try {
                listed.add(Device.of(device.getValue(), ranking(device.getKey())));
            } catch (RuntimeException e) {
                // a device that cannot describe itself is left out rather than failing the whole list
                LOG.warn("Block device left out of the node's list: it failed to describe itself", e);
            }
        }
        return listed;
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    @Override
    public InterfacesReply interfaces() {
        HalRegistry current = registry.get();
        if (current == null) {
            return InterfacesReply.failed(HalError.unavailable("node " + node + " runs no HAL registry"));
        }
        try {
            return new InterfacesReply(current.interfaces().stream().map(NodeInterface::of).toList(), null);
        } catch (RuntimeException e) {
            return InterfacesReply.failed(HalError.internal("node " + node + ": its registry failed: " + e));
        }
    }

    @Override
    public IoReply io(String name, IoCall call) {
        return onDevice(name, IoReply::failed, device -> {
            IoRequest request = call.toRequest();
            HalResult<IoResult> result = call.large() ? device.transferLarge(request) : device.execute(request);
            if (result == null) {
                return IoReply.failed(HalError.internal("device " + name + " answered no result"));
            }
            if (result.failure().isPresent()) {
                return IoReply.failed(result.failure().get());
            }
            IoResult done = result.valueOrNull();
            return new IoReply(done.operation(), done.lba(), done.blocks(), readBytes(call, request.buffer()), null);
        });
    }

    /** The bytes a read put in the rebuilt buffer (the device leaves its position alone), else none. */
    private static byte[] readBytes(IoCall call, ByteBuffer buffer) {
        if (call.operation() != IoOperation.READ) {
            return null;
        }
        byte[] read = new byte[call.length()];
        buffer.get(buffer.position(), read);
        return read;
    }

    @Override
    public ZonesReply reportZones(String name) {
        return onDevice(name, ZonesReply::failed, device -> zones(name, device.reportZones()));
    }

    @Override
    public ZonesReply allocateZone(String name) {
        return onDevice(name, ZonesReply::failed, device -> {
            HalResult<ZoneInfo> zone = device.allocateZone();
            return zones(name, zone == null ? null : zone.map(List::of));
        });
    }

    private static ZonesReply zones(String name, HalResult<List<ZoneInfo>> result) {
        if (result == null || (result.isOk() && result.valueOrNull() == null)) {
            return ZonesReply.failed(HalError.internal("device " + name + " answered no zones"));
        }
        if (result.failure().isPresent()) {
            return ZonesReply.failed(result.failure().get());
        }
        return new ZonesReply(result.valueOrNull().stream().map(Zone::of).toList(), null);
    }

    @Override
    public StatsReply stats(String name) {
        return onDevice(name, error -> new StatsReply(0, 0, 0, 0, 0, 0, 0, Failure.of(error)),
                device -> StatsReply.of(device.stats()));
    }

    /** {@code action} on the device named {@code name}; a missing device or one that throws is a failed reply. */
    private <R> R onDevice(String name, Function<HalError, R> failed, Function<BlockDevice, R> action) {
        try {
            BlockDevice device = find(name);
            if (device == null) {
                return failed.apply(new HalError(ErrorCategory.NOT_FOUND, NO_DEVICE,
                        "this node has no block device " + name));
            }
            R reply = action.apply(device);
            return reply != null ? reply : failed.apply(HalError.internal("device " + name + " answered nothing"));
        } catch (RuntimeException e) {
            return failed.apply(HalError.internal("device " + name + " failed: " + e));
        }
    }

    private BlockDevice find(String name) {
        for (Map.Entry<Map<String, Object>, BlockDevice> device : devices.get()) {
            if (device.getValue().name().equals(name)) {
                return device.getValue();
            }
        }
        return null;
    }
}
