package flight.hal;

import java.util.EnumSet;
import java.util.Set;

/**
 * A capability a driver can report, as the Flight HAL design documents name them. Each has a fixed bit in a
 * {@linkplain #bit() capability mask}; new capabilities are only ever appended, so masks stay comparable across
 * versions.
 */
public enum HalCapability {
    BASIC_MEMORY,
    THREADING,
    VIRTUAL_MEMORY,
    MEMORY_MAPPING,
    DMA,
    EXECUTABLE_MEMORY,
    HARDWARE_3D,
    DUAL_CORE,
    WEBGL,
    WEB_AUDIO,
    SANDBOX_RESTRICTIONS,
    /**
     * Zoned storage (ZNS): sequential-write zones with write pointers. Lets a consumer ask the registry for the best
     * zoned block device ({@code handle(BlockDevice.class, Set.of(ZONED))}).
     *
     * @since 1.2
     */
    ZONED;

    /** This capability's bit in a capability mask. */
    public long bit() {
        return 1L << ordinal();
    }

    /** The mask with the bit of each capability in {@code capabilities} set. */
    public static long maskOf(Set<HalCapability> capabilities) {
        long mask = 0;
        for (HalCapability capability : capabilities) {
            mask |= capability.bit();
        }
        return mask;
    }

    /** The capabilities whose bits are set in {@code mask}; unknown bits are ignored. */
    public static EnumSet<HalCapability> fromMask(long mask) {
        EnumSet<HalCapability> set = EnumSet.noneOf(HalCapability.class);
        for (HalCapability capability : values()) {
            if ((mask & capability.bit()) != 0) {
                set.add(capability);
            }
        }
        return set;
    }
}
