package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import flight.hal.HalResult;
import flight.hal.registry.DriverHandle;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.ZoneInfo;
import flight.hal.storage.ZoneState;

/** Block devices made from configuration, ranked like any driver; zoned devices survive a restart of their bundle. */
@RunWith(PaxExam.class)
public class StorageDeviceIT extends StorageItSupport {

    @Configuration
    public Option[] configuration() {
        return options(storageFramework());
    }

    @Test
    public void devicesFromConfigurationCompeteByRankingAndServeSyncAndAsyncIo() throws Exception {
        device("fast", "service.ranking", 20);
        org.osgi.service.cm.Configuration zoned = device("zoned", "service.ranking", 10, "kind", "ZONED",
                "block.size", 512, "zone.size.blocks", 64, "zone.count", 8);
        awaitDevice("zoned");
        awaitSelected(BLOCK_DEVICE, "fast");

        DriverHandle<BlockDevice> storage = registry.handle(BlockDevice.class);
        BlockDevice fast = storage.current();
        assertTrue(fast.isActive());
        ByteBuffer block = ByteBuffer.allocate(4096).putLong(0, 0x484E3421L);
        assertTrue(fast.write(7, block).isOk());
        CompletableFuture<HalResult<IoResult>> read = fast.submit(IoRequest.read(7, ByteBuffer.allocate(4096)))
                .toCompletableFuture();
        assertEquals(7, read.join().orElseThrow().lba());
        assertEquals("io.misaligned", fast.write(0, ByteBuffer.allocate(100)).errorOrNull().code());

        zoned.update(properties("zoned", "service.ranking", 30, "kind", "ZONED", "block.size", 512,
                "zone.size.blocks", 64, "zone.count", 8));
        awaitSelected(BLOCK_DEVICE, "zoned");
        BlockDevice selected = storage.current();
        assertTrue(selected.deviceCapabilities().has(DeviceFeature.ZONED));
        assertEquals(64, selected.zoneAppend(64, ByteBuffer.allocate(512)).orElseThrow().resultLba());
        // announced when the new device takes calls; the one left is shut down right after
        awaitUntil(() -> !fast.isActive(), () -> "the device left is still active");

        zoned.delete();
        awaitSelected(BLOCK_DEVICE, "fast");
        assertEquals(0x484E3421L, readBlock(storage.current(), 7).getLong(0));
    }

    @Test
    public void zonesAndDataSurviveARestartOfTheStorageBundle() throws Exception {
        device("zns", "kind", "ZONED", "block.size", 512, "zone.size.blocks", 16, "zone.count", 4);
        BlockDevice zns = awaitDevice("zns");
        ByteBuffer data = ByteBuffer.allocate(3 * 512);
        for (int i = 0; i < data.capacity(); i++) {
            data.put(i, (byte) i);
        }
        assertEquals(16, zns.zoneAppend(16, data).orElseThrow().resultLba());
        assertTrue(zns.execute(IoRequest.zone(flight.hal.storage.IoOperation.ZONE_FINISH, 32)).isOk());
        List<ZoneInfo> before = zns.reportZones().orElseThrow();

        Bundle storage = FrameworkUtil.getBundle(zns.getClass());
        storage.stop();
        storage.start();
        BlockDevice restarted = awaitDevice("zns");
        assertFalse(restarted == zns);
        assertEquals(before, restarted.reportZones().orElseThrow());
        assertEquals(new ZoneInfo(1, 16, 16, 16, 19, ZoneState.IMPLICITLY_OPEN),
                restarted.reportZones().orElseThrow().get(1));
        ByteBuffer back = ByteBuffer.allocate(3 * 512);
        assertTrue(restarted.read(16, back).isOk());
        assertEquals(data.clear(), back.clear());
        assertEquals(19, restarted.zoneAppend(16, ByteBuffer.allocate(512)).orElseThrow().resultLba());
    }

    @Test
    public void aBrokenConfigurationGivesAnUnavailableDeviceThatIsNeverSelected() throws Exception {
        device("good", "service.ranking", 1);
        device("broken", "service.ranking", 50, "block.size", 1000);
        BlockDevice broken = awaitDevice("broken");
        awaitSelected(BLOCK_DEVICE, "good");
        assertFalse(broken.isAvailable());
        assertTrue(broken.initialize().errorOrNull().message().contains("block.size=1000 is not a power of two"));
    }

    @Test
    public void concurrentAppendersOnOneZoneGetDistinctContiguousLbas() throws Exception {
        device("shared", "kind", "ZONED", "block.size", 512, "zone.size.blocks", 256, "zone.count", 2,
                "io.threads", 4);
        BlockDevice shared = awaitDevice("shared");
        int appenders = 4;
        int appends = 25;
        List<CompletableFuture<List<Long>>> lbas = new java.util.ArrayList<>();
        for (int appender = 0; appender < appenders; appender++) {
            lbas.add(CompletableFuture.supplyAsync(() -> {
                List<Long> own = new java.util.ArrayList<>();
                for (int i = 0; i < appends; i++) {
                    own.add(shared.zoneAppend(256, ByteBuffer.allocate(512)).orElseThrow().resultLba());
                }
                return own;
            }, runnable -> new Thread(runnable).start()));
        }
        java.util.SortedSet<Long> all = new java.util.TreeSet<>();
        lbas.forEach(own -> all.addAll(own.join()));
        assertEquals(appenders * appends, all.size());
        assertEquals(256L, (long) all.first());
        assertEquals(256L + appenders * appends - 1, (long) all.last());
        assertEquals(256L + appenders * appends, shared.reportZones().orElseThrow().get(1).writePointer());
    }

    private static ByteBuffer readBlock(BlockDevice device, long lba) {
        ByteBuffer block = ByteBuffer.allocate(device.deviceCapabilities().logicalBlockSize());
        assertTrue(device.read(lba, block).isOk());
        return block;
    }
}
