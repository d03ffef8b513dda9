package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import flight.hal.HalCapability;
import flight.hal.HalResult;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.DriverState;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;
import flight.hal.storage.ZoneInfo;
import flight.hal.storage.ZoneState;

/**
 * Block devices made from configuration, all usable by name at once and ranked only for roles; zoned devices survive a
 * restart of their bundle.
 */
@RunWith(PaxExam.class)
public class StorageDeviceIT extends StorageItSupport {

    @Inject
    CommandProcessor shell;

    @Configuration
    public Option[] configuration() {
        return options(storageFramework());
    }

    @Test
    public void everyDeviceIsUsableByNameAndOnlyARoleRanksThem() throws Exception {
        device("fast", "service.ranking", 20);
        device("zoned", "service.ranking", 10, "kind", "ZONED", "block.size", 512, "zone.size.blocks", 64,
                "zone.count", 8);
        BlockDevice fast = awaitDevice("fast");
        BlockDevice zoned = awaitDevice("zoned");
        awaitState("fast", DriverState.AVAILABLE);
        awaitState("zoned", DriverState.AVAILABLE);
        assertNull("devices do not compete: none is selected",
                registry.status(BLOCK_DEVICE).orElseThrow().selected());
        assertTrue("none is republished as the selected one",
                context.getServiceReferences(BlockDevice.class, "(hal.selected=*)").isEmpty());
        assertTrue(fast.isActive() && zoned.isActive());

        // both serve I/O at the same time, each by its name
        ByteBuffer block = ByteBuffer.allocate(4096).putLong(0, 0x484E3421L);
        assertTrue(fast.write(7, block).isOk());
        CompletableFuture<HalResult<IoResult>> read = fast.submit(IoRequest.read(7, ByteBuffer.allocate(4096)))
                .toCompletableFuture();
        assertEquals(64, zoned.zoneAppend(64, ByteBuffer.allocate(512)).orElseThrow().resultLba());
        assertEquals(7, read.join().orElseThrow().lba());
        assertEquals(StorageErrors.MISALIGNED, fast.write(0, ByteBuffer.allocate(100)).errorOrNull().code());

        // a consumer that asks for a role gets the best-ranked device having it
        DriverHandle<BlockDevice> bestZoned = registry.handle(BlockDevice.class, Set.of(HalCapability.ZONED));
        assertSame(zoned, bestZoned.current());
        org.osgi.service.cm.Configuration bigger = device("bigger", "service.ranking", 30, "kind", "ZONED",
                "block.size", 512, "zone.size.blocks", 64, "zone.count", 16);
        awaitUntil(() -> bestZoned.current() != null && bestZoned.current().name().equals("bigger"),
                () -> "the ZONED role did not move to 'bigger': " + registry.status(BLOCK_DEVICE));
        assertTrue("the device the role left is still in use by name", zoned.isActive());
        assertEquals(65, zoned.zoneAppend(64, ByteBuffer.allocate(512)).orElseThrow().resultLba());

        awaitService("(&(osgi.command.scope=hal)(osgi.command.function=devices))");
        String devicesText = runCommand(shell, "hal:devices");
        assertTrue(devicesText, devicesText.matches("(?s).*\\+ bigger +30 .*    chosen for \\[ZONED].*"));
        assertTrue(devicesText, devicesText.matches("(?s).*  fast +20 .*"));
        assertTrue(devicesText, devicesText.matches("(?s).*  zoned +10 .*"));
        String driversText = runCommand(shell, "hal:drivers");
        assertTrue(driversText, driversText.contains("note: non-exclusive"));
        assertTrue(driversText, driversText.matches("(?s).*\\+ bigger +30 +AVAILABLE .*"));
        assertTrue(driversText, driversText.matches("(?s).*  fast +20 +AVAILABLE .*"));
        assertTrue(driversText, driversText.matches("(?s).*  zoned +10 +AVAILABLE .*"));
        assertTrue(driversText, driversText.contains("with [ZONED]: * bigger"));
        // kept beside the test's folders, for docs/storage.md and for a reader of a failed run
        Files.writeString(devices.getParent().resolve("storage-shell.txt"), "g! hal:devices" + System.lineSeparator()
                + devicesText + "g! hal:drivers" + System.lineSeparator() + driversText, StandardCharsets.UTF_8);

        bigger.delete();
        awaitUntil(() -> bestZoned.current() == zoned, () -> "the ZONED role did not move back to 'zoned': "
                + registry.status(BLOCK_DEVICE));
        assertEquals(0x484E3421L, readBlock(fast, 7).getLong(0));
    }

    /** Waits until the registry describes device {@code name} in {@code state}. */
    private void awaitState(String name, DriverState state) {
        awaitUntil(() -> registry.drivers(name).stream().anyMatch(driver -> driver.state() == state),
                () -> name + " is not " + state + ": " + registry.drivers(name));
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
    public void aBrokenConfigurationGivesAnUnavailableDeviceThatNoRoleChooses() throws Exception {
        device("good", "service.ranking", 1, "kind", "ZONED", "block.size", 512, "zone.size.blocks", 16,
                "zone.count", 4);
        device("broken", "service.ranking", 50, "kind", "ZONED", "block.size", 1000);
        BlockDevice broken = awaitDevice("broken");
        awaitState("good", DriverState.AVAILABLE);
        awaitState("broken", DriverState.UNAVAILABLE);
        assertEquals("good", registry.handle(BlockDevice.class, Set.of(HalCapability.ZONED)).current().name());
        assertFalse(broken.isAvailable());
        assertFalse(broken.isActive());
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
