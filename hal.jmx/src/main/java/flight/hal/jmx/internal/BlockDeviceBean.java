package flight.hal.jmx.internal;

import java.util.Objects;

import flight.hal.registry.DriverDescription;
import flight.hal.registry.HalRegistry;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.DeviceStats;

/**
 * The MBean of one block device: asks the device at every call. A device that answers null is reported as an
 * {@link IllegalStateException} naming it and the method, which a JMX client shows as that attribute's error.
 */
final class BlockDeviceBean implements BlockDeviceMXBean {
    private final BlockDevice device;
    private final String name;
    private final HalRegistry registry;

    BlockDeviceBean(BlockDevice device, String name, HalRegistry registry) {
        this.device = Objects.requireNonNull(device, "device");
        this.name = Objects.requireNonNull(name, "name");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isAvailable() {
        return device.isAvailable();
    }

    @Override
    public boolean isActive() {
        return device.isActive();
    }

    @Override
    public String getRegistryState() {
        return registry.drivers(name).stream()
                .filter(driver -> driver.interfaceName().equals(BlockDevice.class.getName())).findFirst()
                .map(BlockDeviceBean::describe).orElse("");
    }

    private static String describe(DriverDescription driver) {
        return driver.failureReason().map(failure -> driver.state() + ": " + failure)
                .orElse(driver.state().name());
    }

    @Override
    public int getLogicalBlockSize() {
        return capabilities().logicalBlockSize();
    }

    @Override
    public int getPhysicalBlockSize() {
        return capabilities().physicalBlockSize();
    }

    @Override
    public long getCapacityBlocks() {
        return capabilities().capacityBlocks();
    }

    @Override
    public long getCapacityBytes() {
        return capabilities().capacityBytes();
    }

    @Override
    public int getMaxTransferBytes() {
        return capabilities().maxTransferBytes();
    }

    @Override
    public int getQueueDepth() {
        return capabilities().queueDepth();
    }

    @Override
    public int getZoneCount() {
        return capabilities().zoneCount();
    }

    @Override
    public long getZoneSizeBlocks() {
        return capabilities().zoneSizeBlocks();
    }

    @Override
    public String[] getFeatures() {
        return capabilities().features().stream().map(DeviceFeature::name).sorted().toArray(String[]::new);
    }

    @Override
    public long getSubmitted() {
        return stats().submitted();
    }

    @Override
    public long getCompleted() {
        return stats().completed();
    }

    @Override
    public long getFailed() {
        return stats().failed();
    }

    @Override
    public long getRejected() {
        return stats().rejected();
    }

    @Override
    public long getThrottled() {
        return stats().throttled();
    }

    @Override
    public long getBytesRead() {
        return stats().bytesRead();
    }

    @Override
    public long getBytesWritten() {
        return stats().bytesWritten();
    }

    private DeviceCapabilities capabilities() {
        return answered(device.deviceCapabilities(), "deviceCapabilities()");
    }

    private DeviceStats stats() {
        return answered(device.stats(), "stats()");
    }

    private <T> T answered(T answer, String method) {
        if (answer == null) {
            throw new IllegalStateException("block device " + name + ": " + method + " returned null");
        }
        return answer;
    }
}
