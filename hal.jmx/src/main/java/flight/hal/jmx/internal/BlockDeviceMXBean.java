package flight.hal.jmx.internal;

/** One block device: {@code flight.hal:type=BlockDevice,name=<device name>}. Counters are since it was opened. */
public interface BlockDeviceMXBean {

    /** The device's {@code hal.driver.name}. */
    String getName();

    /** Whether it is open and serves I/O. */
    boolean isAvailable();

    /** Whether the registry initialized it. */
    boolean isActive();

    /** Where the registry has it: AVAILABLE, UNAVAILABLE, FAILED with the reason; empty without a registry. */
    String getRegistryState();

    int getLogicalBlockSize();

    int getPhysicalBlockSize();

    long getCapacityBlocks();

    long getCapacityBytes();

    int getMaxTransferBytes();

    int getQueueDepth();

    /** Zones on the device; 0 when it is not zoned. */
    int getZoneCount();

    long getZoneSizeBlocks();

    /** NVM, ZONED, FUA, DISCARD, DIRECT_IO, ... */
    String[] getFeatures();

    long getSubmitted();

    long getCompleted();

    long getFailed();

    /** Submissions refused because the queue was full. */
    long getRejected();

    /** Requests delayed because the device was hotter than its threshold. */
    long getThrottled();

    long getBytesRead();

    long getBytesWritten();
}
