package flight.hal.driver.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import flight.hal.HalResult;
import flight.hal.storage.StorageErrors;
import flight.hal.testkit.BadNumbers;
import flight.hal.testkit.HalProperty;
import flight.hal.testkit.Refusals;

/**
 * Configurations with good and bad values: every one is either accepted with a consistent geometry, or refused at
 * activation with {@code config.invalid}, and the unavailable device it makes still answers every question without
 * throwing.
 */
class DeviceConfigPropertyTest {

    @HalProperty
    void everyConfigurationIsConsistentOrRefusedAtActivation(@ForAll("configurations") Map<String, Object> values) {
        Statistics.label("configuration calls").collect("activate");
        Map<String, Object> properties = new HashMap<>(values);
        properties.put(DeviceConfig.PATH, "/nonexistent/never-opened.img");
        HalResult<DeviceConfig> configured = DeviceConfig.from(properties);
        for (DeviceConfig config : new DeviceConfig[] {configured.valueOrNull(), DeviceConfig.bestEffort(properties)}) {
            if (config != null) {
                assertConsistent(config);
            }
        }
        if (configured.isOk()) {
            return;
        }
        assertEquals(StorageErrors.CONFIG_INVALID, Refusals.assertRefused(configured, "configuration "
                + values).code());
        try (HostBlockDevice device = HostBlockDevice.open(properties)) {
            assertFalse(device.isAvailable());
            Refusals.assertRefused(device.initialize(), "initialize");
            device.platformInfo();
            device.deviceCapabilities();
            device.name();
            device.stats();
            Refusals.assertRefused(device.read(0, java.nio.ByteBuffer.allocate(512)), "read");
        }
    }

    private static void assertConsistent(DeviceConfig config) {
        int block = config.blockSize();
        assertEquals(1, Integer.bitCount(block), "block size " + block);
        assertTrue(config.capacityBlocks() > 0 && config.capacityBlocks() <= Integer.MAX_VALUE, config::toString);
        assertTrue(config.maxTransferBytes() >= block && config.maxTransferBytes() % block == 0, config::toString);
        ZoneGeometry zones = config.zones();
        if (config.kind() == DeviceKind.ZONED) {
            assertTrue(zones.count() >= 1 && zones.count() <= DeviceConfig.MAX_ZONES, config::toString);
            assertTrue(zones.capacityBlocks() >= 1 && zones.capacityBlocks() <= zones.sizeBlocks(), config::toString);
            assertEquals(zones.count() * zones.sizeBlocks(), config.capacityBlocks(), config::toString);
        }
        assertTrue(Double.isFinite(config.thermal().thresholdCelsius()), config::toString);
    }

    @Provide
    Arbitrary<Map<String, Object>> configurations() {
        Arbitrary<Object> numbers = Arbitraries.oneOf(
                Arbitraries.of(512, 1000, 4096, 65536, 4097, 0, -1, Integer.MAX_VALUE, Long.MAX_VALUE, "1e3", "x",
                        "NaN", "16", " 8 "),
                BadNumbers.nonPositive().map(value -> (Object) value),
                BadNumbers.overflowingInts().map(value -> (Object) value),
                Arbitraries.longs().between(1, 1 << 22).map(value -> (Object) value));
        Arbitrary<String> keys = Arbitraries.of(DeviceConfig.BLOCK_SIZE, DeviceConfig.CAPACITY_BYTES,
                DeviceConfig.MAX_TRANSFER_BYTES, DeviceConfig.QUEUE_DEPTH, DeviceConfig.IO_THREADS,
                DeviceConfig.ZONE_SIZE_BLOCKS, DeviceConfig.ZONE_CAPACITY_BLOCKS, DeviceConfig.ZONE_COUNT,
                DeviceConfig.THERMAL_THRESHOLD, DeviceConfig.THERMAL_PAUSE_MICROS, DeviceConfig.RANKING);
        Arbitrary<Map<String, Object>> values = Arbitraries.maps(keys, numbers).ofMaxSize(6);
        return values.flatMap(map -> Arbitraries.of("FILE", "NVM", "ZONED", "tape").map(kind -> {
            Map<String, Object> all = new HashMap<>(map);
            all.put(DeviceConfig.KIND, kind);
            return all;
        }));
    }
}
