package flight.hal.driver.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.storage.StorageErrors;

class DeviceConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsDescribeA64MiBFileDevice() {
        DeviceConfig config = DeviceConfig.from(Map.of(DeviceConfig.PATH, dir.resolve("disk.img").toString()))
                .orElseThrow();
        assertEquals(DeviceConfig.DEFAULT_NAME, config.name()); // the registration's default, as in @RegisterHalDriver
        assertEquals(DeviceKind.FILE, config.kind());
        assertEquals(4096, config.blockSize());
        assertEquals(16384, config.capacityBlocks());
        assertEquals(1 << 20, config.maxTransferBytes());
        assertEquals(64, config.queueDepth());
        assertEquals(2, config.ioThreads());
        assertFalse(config.directIo());
        assertEquals(ZoneGeometry.NONE, config.zones());
        assertEquals(85.0, config.thermal().thresholdCelsius());
        assertEquals(1_000_000, config.thermal().pauseNanos());
        assertEquals(dir.resolve("disk.img.zones"), config.sidecar("zones"));
    }

    @Test
    void zonedGeometryFromZoneSizeAndCountGivenAsStrings() {
        DeviceConfig config = DeviceConfig.from(Map.of(DeviceConfig.PATH, dir.resolve("z").toString(),
                DeviceConfig.KIND, "zoned", DeviceConfig.BLOCK_SIZE, "512", DeviceConfig.ZONE_SIZE_BLOCKS, "16",
                DeviceConfig.ZONE_CAPACITY_BLOCKS, 12, DeviceConfig.ZONE_COUNT, "5",
                DeviceConfig.ZONES_READ_ONLY, "1, 3", DeviceConfig.ZONES_OFFLINE, new String[] {"4"},
                DeviceConfig.RANKING, "7")).orElseThrow();
        assertEquals(DeviceKind.ZONED, config.kind());
        assertEquals(80, config.capacityBlocks());
        assertEquals(new ZoneGeometry(16, 12, 5, Set.of(1, 3), Set.of(4)), config.zones());
        assertEquals(7, config.ranking());
    }

    @Test
    void everyProblemIsNamedInOneError() {
        HalResult<DeviceConfig> config = DeviceConfig.from(Map.of(DeviceConfig.KIND, "tape",
                DeviceConfig.BLOCK_SIZE, 1000, DeviceConfig.CAPACITY_BYTES, 4097, DeviceConfig.QUEUE_DEPTH, 0,
                DeviceConfig.DIRECT_IO, "maybe", DeviceConfig.IO_THREADS, "two"));
        assertEquals(ErrorCategory.INVALID_PARAMETER, config.errorOrNull().category());
        assertEquals(StorageErrors.CONFIG_INVALID, config.errorOrNull().code());
        String message = config.errorOrNull().message();
        for (String problem : new String[] {"path is required", "kind=tape is none of [FILE, NVM, ZONED]",
                "block.size=1000 is not a power of two", "capacity.bytes=4097 is not a whole number",
                "queue.depth=0 is outside [1, 65536]", "direct.io=maybe is neither true nor false",
                "io.threads=two is not a number"}) {
            assertTrue(message.contains(problem), () -> problem + " missing from: " + message);
        }
    }

    @Test
    void injectedZonesMustExist() {
        HalResult<DeviceConfig> config = DeviceConfig.from(Map.of(DeviceConfig.PATH, "z", DeviceConfig.KIND, "ZONED",
                DeviceConfig.ZONE_COUNT, 4, DeviceConfig.ZONES_OFFLINE, "4,x"));
        String message = config.errorOrNull().message();
        assertTrue(message.contains("zones.offline names 4, outside [0, 4)"), message);
        assertTrue(message.contains("zones.offline holds 'x', not a number"), message);
    }

    @Test
    void nvmIsLimitedToOneMapping() {
        HalResult<DeviceConfig> config = DeviceConfig.from(Map.of(DeviceConfig.PATH, "n", DeviceConfig.KIND, "NVM",
                DeviceConfig.CAPACITY_BYTES, 4L << 30));
        assertTrue(config.errorOrNull().message().contains("capacity.bytes=4294967296 is outside"));
    }

    @Test
    void bestEffortKeepsTheNameOfABrokenConfiguration() {
        Map<String, Object> broken = Map.of(DeviceConfig.NAME, "scratch", DeviceConfig.BLOCK_SIZE, -1);
        assertTrue(DeviceConfig.from(broken).isErr());
        assertEquals("scratch", DeviceConfig.bestEffort(broken).name());
    }

    /**
     * Regression (issue 9): {@code block.size=1000} was reported in the error but kept in the configuration the
     * unavailable device is described by, and {@code platformInfo()} then threw (its alignment must be a power of
     * two). A value a rule refuses never reaches the configuration: the device is unavailable and says why.
     */
    @Test
    void aBlockSizeThatIsNotAPowerOfTwoIsRefusedAtActivationAndNeverThrowsLater() {
        try (HostBlockDevice device = HostBlockDevice.open(Map.of(DeviceConfig.PATH, dir.resolve("odd").toString(),
                DeviceConfig.BLOCK_SIZE, 1000, DeviceConfig.MAX_TRANSFER_BYTES, 3000))) {
            assertFalse(device.isAvailable());
            String why = device.initialize().errorOrNull().message();
            assertTrue(why.contains("block.size=1000 is not a power of two"), why);
            assertEquals(4096, device.platformInfo().memoryAlignment());
            // regression: the device reported the JVM's heap limit as the machine's memory
            assertEquals(flight.hal.driver.support.HostMachine.memoryBytes(),
                    device.platformInfo().machineMemoryBytes());
            assertEquals(4096, device.deviceCapabilities().logicalBlockSize());
            assertEquals(ErrorCategory.UNAVAILABLE, device.read(0, java.nio.ByteBuffer.allocate(4096)).errorOrNull()
                    .category());
        }
    }

    /** Regression: a zone count above what a device can hold overflowed the metadata's size computation. */
    @Test
    void tooManyZonesAreRefusedNotOverflowed() {
        HalResult<DeviceConfig> config = DeviceConfig.from(Map.of(DeviceConfig.PATH, "z", DeviceConfig.KIND, "ZONED",
                DeviceConfig.BLOCK_SIZE, 512, DeviceConfig.ZONE_SIZE_BLOCKS, 1,
                DeviceConfig.ZONE_COUNT, DeviceConfig.MAX_ZONES + 1));
        assertTrue(config.errorOrNull().message().contains("zone.count=" + (DeviceConfig.MAX_ZONES + 1)
                + " is outside"), config.toString());
        HalResult<DeviceConfig> byDefault = DeviceConfig.from(Map.of(DeviceConfig.PATH, "z", DeviceConfig.KIND,
                "ZONED", DeviceConfig.BLOCK_SIZE, 512, DeviceConfig.ZONE_SIZE_BLOCKS, 1,
                DeviceConfig.CAPACITY_BYTES, 512L * (DeviceConfig.MAX_ZONES + 1)));
        assertTrue(byDefault.errorOrNull().message().contains("more than the " + DeviceConfig.MAX_ZONES),
                byDefault.toString());
    }

    /** Regression: a thermal threshold of NaN was accepted, and a device with it never throttled. */
    @Test
    void aThresholdThatIsNotAFiniteNumberIsRefused() {
        HalResult<DeviceConfig> config = DeviceConfig.from(Map.of(DeviceConfig.PATH, "t",
                DeviceConfig.THERMAL_THRESHOLD, "NaN"));
        assertTrue(config.errorOrNull().message().contains("thermal.threshold.celsius=NaN is not a finite number"),
                config.toString());
    }
}
