package flight.hal.driver.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import flight.hal.platform.GpuRange;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.ZoneInfo;
import flight.hal.storage.ZoneState;

/** The helpers of the storage and platform records in hal.api. */
class ApiRecordsTest {

    @Test
    void requestFactoriesFillTheRightFields() {
        ByteBuffer data = ByteBuffer.allocate(1024).position(512);
        assertEquals(new IoRequest(IoOperation.WRITE, 3, 0, data, true), IoRequest.writeFua(3, data));
        assertEquals(IoRequest.writeFua(3, data), IoRequest.write(3, data).withFua());
        assertEquals(512, IoRequest.read(0, data).length());
        assertEquals(0, IoRequest.flush().length());
        assertEquals(new IoRequest(IoOperation.DISCARD, 8, 4, null, false), IoRequest.discard(8, 4));
        assertEquals(new IoRequest(IoOperation.ZONE_FINISH, 64, 0, null, false),
                IoRequest.zone(IoOperation.ZONE_FINISH, 64));
        assertThrows(IllegalArgumentException.class, () -> IoRequest.zone(IoOperation.ZONE_APPEND, 0));
        assertThrows(NullPointerException.class, () -> new IoRequest(null, 0, 0, null, false));
        assertTrue(IoOperation.ZONE_APPEND.transfersData() && !IoOperation.ZONE_APPEND.managesZone());
    }

    @Test
    void capabilitiesZonesAndRangesAnswerTheirQuestions() {
        DeviceCapabilities caps = new DeviceCapabilities(512, 4096, 100, 4096, 0, 0, 0, 8,
                EnumSet.of(DeviceFeature.FUA));
        assertEquals(51200, caps.capacityBytes());
        assertTrue(caps.has(DeviceFeature.FUA));
        assertFalse(caps.has(DeviceFeature.NVM));
        assertEquals(Set.of(), new DeviceCapabilities(512, 512, 1, 512, 0, 0, 0, 1, Set.of()).features());
        ZoneInfo zone = new ZoneInfo(2, 32, 16, 12, 37, ZoneState.IMPLICITLY_OPEN);
        assertEquals(5, zone.writtenBlocks());
        assertEquals(7, zone.remainingBlocks());
        GpuRange range = new GpuRange(1, 2, 32, 32);
        assertTrue(range.contains(32, 32));
        assertFalse(range.contains(31, 2));
        assertFalse(range.contains(48, 17));
    }
}
