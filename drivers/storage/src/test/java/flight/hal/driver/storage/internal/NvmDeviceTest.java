package flight.hal.driver.storage.internal;

import static flight.hal.driver.storage.internal.Devices.assertHolds;
import static flight.hal.driver.storage.internal.Devices.code;
import static flight.hal.driver.storage.internal.Devices.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.IoRequest;
import flight.hal.storage.StorageErrors;

class NvmDeviceTest extends DeviceTestCase {
    private static final int BLOCK = 4096;

    @Override
    String name() {
        return "pmem";
    }

    @Override
    Object[] configuration() {
        return new Object[] {DeviceConfig.KIND, "NVM", DeviceConfig.CAPACITY_BYTES, 32 * BLOCK};
    }

    @Test
    void saysWhetherTheMappingIsSynchronous() {
        assertTrue(device.deviceCapabilities().has(DeviceFeature.NVM));
        assertTrue(device.supports(HalCapability.MEMORY_MAPPING));
        boolean sync = device.deviceCapabilities().has(DeviceFeature.SYNCHRONOUS_MAPPING);
        assertTrue(device.ioPath().contains(sync ? "MAP_SYNC (JEP 352" : "MAP_SYNC refused"), device.ioPath());
    }

    @Test
    void blockWritesAndDirectStoresPersistAcrossARestart() {
        device.execute(IoRequest.write(2, pattern(1, 2, BLOCK))).orElseThrow();
        assertTrue(device.persist(2L * BLOCK, 2L * BLOCK).isOk());
        ByteBuffer mapping = device.mapping().orElseThrow();
        assertEquals(32 * BLOCK, mapping.capacity());
        mapping.put(10 * BLOCK + 7, (byte) 42).putLong(10 * BLOCK + 64, 0x484E3421L);
        assertTrue(device.persist(10L * BLOCK + 7, 65).isOk());
        device.execute(IoRequest.writeFua(20, pattern(2, 1, BLOCK))).orElseThrow();

        reopen(configuration());
        assertHolds(device, 2, pattern(1, 2, BLOCK));
        assertHolds(device, 20, pattern(2, 1, BLOCK));
        ByteBuffer reopened = device.mapping().orElseThrow();
        assertEquals(42, reopened.get(10 * BLOCK + 7));
        assertEquals(0x484E3421L, reopened.getLong(10 * BLOCK + 64));
    }

    @Test
    void persistRangesOutsideTheDeviceAreRefused() {
        assertEquals(StorageErrors.NVM_OUT_OF_RANGE, code(device.persist(-1, 10)));
        assertEquals(StorageErrors.NVM_OUT_OF_RANGE, code(device.persist(0, 0)));
        assertEquals(StorageErrors.NVM_OUT_OF_RANGE, code(device.persist(32L * BLOCK - 10, 11)));
        assertEquals(StorageErrors.NVM_OUT_OF_RANGE, code(device.persist(Long.MAX_VALUE, Long.MAX_VALUE)));
        assertTrue(device.persist(32L * BLOCK - 10, 10).isOk());
    }

    @Test
    void discardIsNotAnNvmOperation() {
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, device.execute(IoRequest.discard(0, 1)).errorOrNull()
                .category());
    }
}
