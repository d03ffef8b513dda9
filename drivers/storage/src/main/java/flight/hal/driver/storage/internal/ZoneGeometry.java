package flight.hal.driver.storage.internal;

import java.util.Set;

/**
 * How a zoned device is divided, and the zones whose failure is injected by configuration.
 *
 * @param sizeBlocks     blocks per zone
 * @param capacityBlocks writable blocks per zone
 * @param count          zones
 * @param readOnly       zones reported and treated as read-only
 * @param offline        zones reported and treated as offline
 */
record ZoneGeometry(long sizeBlocks, long capacityBlocks, int count, Set<Integer> readOnly, Set<Integer> offline) {

    /** The geometry of a device that is not zoned. */
    static final ZoneGeometry NONE = new ZoneGeometry(0, 0, 0, Set.of(), Set.of());

    ZoneGeometry {
        readOnly = Set.copyOf(readOnly);
        offline = Set.copyOf(offline);
    }
}
