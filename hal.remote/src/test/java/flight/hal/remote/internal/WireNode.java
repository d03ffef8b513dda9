package flight.hal.remote.internal;

import java.util.List;
import java.util.function.Supplier;

import org.osgi.framework.ServiceException;

/**
 * A node as the controller's proxy sees it: every argument and reply crosses Java serialization, and the node can be
 * made to fail every call as the HAL provider fails it ({@link ServiceException#REMOTE}) or to answer {@code null}.
 */
final class WireNode implements RemoteNode {
    enum Mode { UP, DEAD, SILENT }

    private final RemoteNode node;
    volatile Mode mode = Mode.UP;

    WireNode(RemoteNode node) {
        this.node = node;
    }

    private <T> T call(Supplier<T> onNode) {
        return switch (mode) {
            case UP -> Wire.across(onNode.get());
            case DEAD -> throw new ServiceException("node did not answer within 2000 ms", ServiceException.REMOTE);
            case SILENT -> null;
        };
    }

    @Override
    public List<Device> devices() {
        return call(node::devices);
    }

    @Override
    public IoReply io(String device, IoCall call) {
        IoCall received = Wire.across(call);
        return call(() -> node.io(device, received));
    }

    @Override
    public ZonesReply reportZones(String device) {
        return call(() -> node.reportZones(device));
    }

    @Override
    public ZonesReply allocateZone(String device) {
        return call(() -> node.allocateZone(device));
    }

    @Override
    public StatsReply stats(String device) {
        return call(() -> node.stats(device));
    }
}
