package flight.hal.driver.storage.internal;

import static flight.hal.driver.storage.internal.Devices.assertHolds;
import static flight.hal.driver.storage.internal.Devices.code;
import static flight.hal.driver.storage.internal.Devices.isZero;
import static flight.hal.driver.storage.internal.Devices.pattern;
import static flight.hal.driver.storage.internal.Devices.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.platform.GpuRange;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;
import flight.hal.storage.ZoneInfo;
import flight.hal.storage.ZoneState;

class ZonedDeviceTest extends DeviceTestCase {
    private static final int BLOCK = 512;
    private static final Object[] GEOMETRY = {DeviceConfig.KIND, "ZONED", DeviceConfig.BLOCK_SIZE, BLOCK,
        DeviceConfig.ZONE_SIZE_BLOCKS, 16, DeviceConfig.ZONE_CAPACITY_BLOCKS, 12, DeviceConfig.ZONE_COUNT, 4};

    @Override
    String name() {
        return "zns";
    }

    @Override
    Object[] configuration() {
        return GEOMETRY;
    }

    private ZoneInfo zone(int index) {
        return device.reportZones().orElseThrow().get(index);
    }

    private IoResult manage(IoOperation operation, long start) {
        return device.execute(IoRequest.zone(operation, start)).orElseThrow();
    }

    @Test
    void aNewDeviceHasEmptyZones() {
        var caps = device.deviceCapabilities();
        assertTrue(caps.has(DeviceFeature.ZONED) && caps.has(DeviceFeature.PERSISTENT_WRITE_POINTERS));
        assertEquals(64, caps.capacityBlocks());
        assertEquals(List.of(new ZoneInfo(0, 0, 16, 12, 0, ZoneState.EMPTY),
                new ZoneInfo(1, 16, 16, 12, 16, ZoneState.EMPTY), new ZoneInfo(2, 32, 16, 12, 32, ZoneState.EMPTY),
                new ZoneInfo(3, 48, 16, 12, 48, ZoneState.EMPTY)), device.reportZones().orElseThrow());
    }

    @Test
    void writesMustLandOnTheWritePointer() {
        assertEquals(new IoResult(IoOperation.WRITE, 16, 2), device.write(16, pattern(1, 2, BLOCK)).orElseThrow());
        assertEquals(new ZoneInfo(1, 16, 16, 12, 18, ZoneState.IMPLICITLY_OPEN), zone(1));
        assertEquals(StorageErrors.NOT_WRITE_POINTER, code(device.write(17, pattern(2, 1, BLOCK))));
        assertEquals(StorageErrors.NOT_WRITE_POINTER, code(device.write(20, pattern(2, 1, BLOCK))));
        assertEquals(ErrorCategory.INVALID_PARAMETER, device.write(20, pattern(2, 1, BLOCK)).errorOrNull()
                .category());
        assertEquals(StorageErrors.ZONE_BOUNDARY, code(device.write(30, pattern(2, 4, BLOCK))));
        assertEquals(18, zone(1).writePointer());
        assertHolds(device, 16, pattern(1, 2, BLOCK));
        assertTrue(isZero(read(device, 18, 2)), "blocks past the write pointer read as zeros");
    }

    @Test
    void appendsGoToTheWritePointerUntilTheZoneIsFull() {
        assertEquals(32, device.zoneAppend(32, pattern(1, 5, BLOCK)).orElseThrow().resultLba());
        assertEquals(37, device.zoneAppend(32, pattern(2, 5, BLOCK)).orElseThrow().resultLba());
        var full = device.zoneAppend(32, pattern(3, 3, BLOCK));
        assertEquals(StorageErrors.ZONE_FULL, code(full));
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, full.errorOrNull().category());
        assertTrue(full.errorOrNull().message().contains("10 of its 12 writable blocks"), full.toString());
        assertEquals(42, device.zoneAppend(32, pattern(4, 2, BLOCK)).orElseThrow().resultLba());
        assertEquals(new ZoneInfo(2, 32, 16, 12, 44, ZoneState.FULL), zone(2));
        assertEquals(StorageErrors.ZONE_FULL, code(device.zoneAppend(32, pattern(5, 1, BLOCK))));
        assertEquals(StorageErrors.ZONE_FULL, code(device.write(44, pattern(5, 1, BLOCK))));
        assertHolds(device, 37, pattern(2, 5, BLOCK));
        assertEquals(StorageErrors.ZONE_INVALID_START, code(device.zoneAppend(33, pattern(5, 1, BLOCK))));
        assertEquals(StorageErrors.OUT_OF_RANGE, code(device.zoneAppend(64, pattern(5, 1, BLOCK))));
    }

    @Test
    void resetEmptiesAZoneAndItsDataReadsAsZeros() {
        device.zoneAppend(0, pattern(1, 4, BLOCK)).orElseThrow();
        assertEquals(new IoResult(IoOperation.ZONE_RESET, 0, 0), manage(IoOperation.ZONE_RESET, 0));
        assertEquals(new ZoneInfo(0, 0, 16, 12, 0, ZoneState.EMPTY), zone(0));
        assertTrue(isZero(read(device, 0, 4)));
        assertEquals(0, device.zoneAppend(0, pattern(2, 1, BLOCK)).orElseThrow().resultLba());
    }

    /**
     * Regression (issue 9): a zone reset and then finished read back the data written before the reset, because
     * finish moved the write pointer over blocks nobody wrote since. Finish now fills them with zeros.
     */
    @Test
    void aZoneResetThenFinishedReadsZerosNotTheDataBeforeTheReset() {
        device.zoneAppend(16, pattern(1, 12, BLOCK)).orElseThrow();
        manage(IoOperation.ZONE_RESET, 16);
        device.zoneAppend(16, pattern(2, 2, BLOCK)).orElseThrow();
        manage(IoOperation.ZONE_FINISH, 16);
        assertEquals(new ZoneInfo(1, 16, 16, 12, 28, ZoneState.FULL), zone(1));
        assertHolds(device, 16, pattern(2, 2, BLOCK));
        assertTrue(isZero(read(device, 18, 14)), "blocks finished over read as zeros");
        reopen(GEOMETRY);
        assertTrue(isZero(read(device, 18, 14)), "and still after a restart");
    }

    /**
     * Regression: allocateZone (and zone management) changed the zone in memory before storing the change, so when
     * storing failed (here: the device's files are closed) the refused call left the zone EXPLICITLY_OPEN.
     */
    @Test
    void aZoneChangeThatCannotBeStoredLeavesTheZoneAsItWas() throws Exception {
        device.close();
        DeviceConfig config = DeviceConfig.from(Devices.properties(dir, name(), GEOMETRY)).orElseThrow();
        BlockEngine engine = BlockEngine.open(config).orElseThrow();
        List<ZoneInfo> before = engine.reportZones().orElseThrow();
        engine.close();
        assertEquals(StorageErrors.ZONE_METADATA, code(engine.allocateZone(java.util.Optional.empty())));
        assertEquals(StorageErrors.ZONE_METADATA, code(engine.execute(IoRequest.zone(IoOperation.ZONE_OPEN, 0))));
        assertEquals(before, engine.reportZones().orElseThrow());
        device = Devices.open(dir, name(), GEOMETRY);
    }

    /** Regression: a closed device still answered reportZones and changed zones on allocateZone. */
    @Test
    void aClosedDeviceRefusesZoneCalls() {
        device.close();
        assertEquals(StorageErrors.DEVICE_CLOSED, code(device.reportZones()));
        assertEquals(StorageErrors.DEVICE_CLOSED, code(device.allocateZone()));
        assertEquals(StorageErrors.DEVICE_CLOSED, code(device.zoneAppend(0, pattern(1, 1, BLOCK))));
        assertEquals(StorageErrors.DEVICE_CLOSED, code(device.initialize()));
        assertFalse(device.isAvailable());
        device = Devices.open(dir, name(), GEOMETRY);
        assertEquals(ZoneState.EMPTY, zone(0).state());
    }

    @Test
    void openCloseAndFinishFollowTheZoneStateMachine() {
        manage(IoOperation.ZONE_OPEN, 0);
        assertEquals(ZoneState.EXPLICITLY_OPEN, zone(0).state());
        device.zoneAppend(0, pattern(1, 1, BLOCK)).orElseThrow();
        assertEquals(ZoneState.EXPLICITLY_OPEN, zone(0).state());
        manage(IoOperation.ZONE_CLOSE, 0);
        assertEquals(ZoneState.CLOSED, zone(0).state());
        device.zoneAppend(0, pattern(1, 1, BLOCK)).orElseThrow();
        assertEquals(ZoneState.IMPLICITLY_OPEN, zone(0).state());
        manage(IoOperation.ZONE_OPEN, 16);
        manage(IoOperation.ZONE_CLOSE, 16);
        assertEquals(ZoneState.EMPTY, zone(1).state());
        manage(IoOperation.ZONE_FINISH, 0);
        assertEquals(new ZoneInfo(0, 0, 16, 12, 12, ZoneState.FULL), zone(0));
        assertEquals(StorageErrors.INVALID_TRANSITION, code(device.execute(IoRequest.zone(IoOperation.ZONE_OPEN, 0))));
        assertEquals(StorageErrors.INVALID_TRANSITION, code(device.execute(IoRequest.zone(IoOperation.ZONE_CLOSE, 0))));
        assertEquals(StorageErrors.ZONE_INVALID_START, code(device.execute(IoRequest.zone(IoOperation.ZONE_FINISH,
                5))));
        assertEquals(StorageErrors.ZONE_INVALID_START, code(device.execute(IoRequest.zone(IoOperation.ZONE_RESET,
                -16))));
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, device.execute(IoRequest.discard(0, 1)).errorOrNull()
                .category());
    }

    @Test
    void injectedReadOnlyAndOfflineZonesRefuseWhatRealOnesRefuse() {
        device.zoneAppend(16, pattern(1, 2, BLOCK)).orElseThrow();
        reopen(append(GEOMETRY, DeviceConfig.ZONES_READ_ONLY, "1", DeviceConfig.ZONES_OFFLINE, "2"));
        assertEquals(new ZoneInfo(1, 16, 16, 12, 18, ZoneState.READ_ONLY), zone(1));
        assertEquals(ZoneState.OFFLINE, zone(2).state());
        assertHolds(device, 16, pattern(1, 2, BLOCK));
        assertEquals(StorageErrors.ZONE_READ_ONLY, code(device.zoneAppend(16, pattern(2, 1, BLOCK))));
        assertEquals(StorageErrors.ZONE_READ_ONLY, code(device.execute(IoRequest.zone(IoOperation.ZONE_RESET, 16))));
        assertEquals(StorageErrors.ZONE_OFFLINE, code(device.read(32, ByteBuffer.allocate(BLOCK))));
        assertEquals(StorageErrors.ZONE_OFFLINE, code(device.read(30, ByteBuffer.allocate(4 * BLOCK))));
        assertEquals(StorageErrors.ZONE_OFFLINE, code(device.write(32, pattern(2, 1, BLOCK))));
        assertEquals(ErrorCategory.IO_ERROR, device.execute(IoRequest.zone(IoOperation.ZONE_OPEN, 32))
                .errorOrNull().category());
        assertEquals(0, device.zoneAppend(0, pattern(3, 1, BLOCK)).orElseThrow().resultLba());
    }

    @Test
    void writePointersAndStatesAreRecoveredAfterARestart() {
        device.zoneAppend(0, pattern(1, 3, BLOCK)).orElseThrow();
        manage(IoOperation.ZONE_OPEN, 16);
        device.zoneAppend(16, pattern(2, 1, BLOCK)).orElseThrow();
        manage(IoOperation.ZONE_FINISH, 32);
        device.zoneAppend(48, pattern(3, 2, BLOCK)).orElseThrow();
        manage(IoOperation.ZONE_CLOSE, 48);
        List<ZoneInfo> before = device.reportZones().orElseThrow();
        reopen(GEOMETRY);
        assertEquals(before, device.reportZones().orElseThrow());
        assertHolds(device, 0, pattern(1, 3, BLOCK));
        assertEquals(3, device.zoneAppend(0, pattern(4, 1, BLOCK)).orElseThrow().resultLba());
    }

    @Test
    void metadataOfAnotherGeometryIsRefusedNotReinterpreted() {
        device.close();
        HostBlockDevice other = HostBlockDevice.open(Devices.properties(dir, "zns", DeviceConfig.KIND, "ZONED",
                DeviceConfig.BLOCK_SIZE, BLOCK, DeviceConfig.ZONE_SIZE_BLOCKS, 8, DeviceConfig.ZONE_COUNT, 8));
        assertFalse(other.isAvailable());
        assertTrue(other.ioPath().contains(StorageErrors.METADATA_MISMATCH), other.ioPath());
        assertTrue(other.ioPath().contains("4 zones of 16 blocks (capacity 12)"), other.ioPath());
        other.close();
        device = Devices.open(dir, name(), GEOMETRY);
    }

    @Test
    void aDamagedZoneRecordIsReportedOffline() throws Exception {
        device.zoneAppend(16, pattern(1, 2, BLOCK)).orElseThrow();
        device.close();
        try (FileChannel metadata = FileChannel.open(dir.resolve("zns.img.zones"), StandardOpenOption.WRITE)) {
            metadata.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), 64 + 16 + 2);
        }
        device = Devices.open(dir, name(), GEOMETRY);
        assertEquals(ZoneState.OFFLINE, zone(1).state());
        assertEquals(ZoneState.EMPTY, zone(0).state());
    }

    @Test
    void fuaAndFlushForceZoneChanges() {
        assertTrue(device.execute(IoRequest.zoneAppend(0, pattern(1, 1, BLOCK)).withFua()).isOk());
        assertTrue(device.flush().isOk());
        assertEquals(1, zone(0).writtenBlocks());
    }

    @Test
    void zoneAllocationPrefersTheCallingGpusRange() {
        GpuRange gpu1 = new GpuRange(1, 1, 32, 32);
        OptionalInt[] calling = {OptionalInt.empty()};
        device.topology = PlatformStubs.topology(List.of(new GpuRange(0, 1, 0, 32), gpu1), () -> calling[0]);
        assertEquals(new ZoneInfo(0, 0, 16, 12, 0, ZoneState.EXPLICITLY_OPEN), device.allocateZone().orElseThrow());
        calling[0] = OptionalInt.of(1);
        assertEquals(32, device.allocateZone().orElseThrow().startLba());
        assertEquals(48, device.allocateZone().orElseThrow().startLba());
        assertEquals(16, device.allocateZone().orElseThrow().startLba(), "falls back outside the GPU's range");
        assertEquals(StorageErrors.NONE_EMPTY, code(device.allocateZone()));
        manage(IoOperation.ZONE_RESET, 48);
        device.topology = null;
        assertEquals(48, device.allocateZone().orElseThrow().startLba());
    }

    static Object[] append(Object[] first, Object... more) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
