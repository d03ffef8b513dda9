package flight.hal.remote.internal;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.osgi.framework.ServiceException;

/**
 * A node as the controller's proxy sees it: every argument and reply crosses Java serialization, and the node can be
 * made to fail every call as the HAL provider fails it ({@link ServiceException#REMOTE}) to answer {@code null}, or to hang until released.
 */
final class WireNode implements RemoteNode {
    enum Mode { UP, DEAD, SILENT, HUNG }

    private final RemoteNode node;
    volatile Mode mode = Mode.UP;
    /** How many {@code io} calls reached the node. */
    final AtomicInteger ioCalls = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    WireNode(RemoteNode node) {
        this.node = node;
    }

    /** Ends every call the {@link Mode#HUNG} node holds. */
    void release() {
        released.countDown();
    }

    private void awaitRelease() {
        try {
            released.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T call(Supplier<T> onNode) {
        return switch (mode) {
            case UP -> Wire.across(onNode.get());
            case DEAD -> throw new ServiceException("node did not answer within 2000 ms", ServiceException.REMOTE);
            case SILENT -> null;
            case HUNG -> {
                awaitRelease();
                throw new ServiceException("node did not answer within 2000 ms", ServiceException.REMOTE);
            }
        };
    }

    @Override
    public Heartbeat heartbeat() {
        return call(node::heartbeat);
    }

    @Override
    public List<Device> devices() {
        return call(node::devices);
    }

    @Override
    public InterfacesReply interfaces() {
        return call(node::interfaces);
    }

    @Override
    public IoReply io(String device, IoCall call) {
        ioCalls.incrementAndGet();
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
