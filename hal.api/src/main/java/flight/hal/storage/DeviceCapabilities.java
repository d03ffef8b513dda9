package flight.hal.storage;

import java.util.EnumSet;
import java.util.Set;

/**
 * A block device's geometry and features (HN4's {@code hn4_hal_caps_t}).
 *
 * @param logicalBlockSize   bytes per logical block: the unit of addressing and alignment
 * @param physicalBlockSize  bytes the medium writes at once (the file store's block size)
 * @param capacityBlocks     logical blocks on the device
 * @param maxTransferBytes   the largest single request; larger transfers go through
 *                           {@link BlockDevice#transferLarge(IoRequest)}
 * @param zoneSizeBlocks     blocks per zone; 0 on a device that is not zoned
 * @param zoneCapacityBlocks writable blocks per zone (at most the zone size); 0 on a device that is not zoned
 * @param zoneCount          zones on the device; 0 on a device that is not zoned
 * @param queueDepth         requests the submission queue holds before it pushes back
 * @param features           what the device can do
 */
public record DeviceCapabilities(int logicalBlockSize, int physicalBlockSize, long capacityBlocks,
                                 int maxTransferBytes, long zoneSizeBlocks, long zoneCapacityBlocks, int zoneCount,
                                 int queueDepth, Set<DeviceFeature> features) {

    public DeviceCapabilities {
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    /** The capacity in bytes. */
    public long capacityBytes() {
        return capacityBlocks * logicalBlockSize;
    }

    /** Whether the device has {@code feature}. */
    public boolean has(DeviceFeature feature) {
        return features.contains(feature);
    }
}
