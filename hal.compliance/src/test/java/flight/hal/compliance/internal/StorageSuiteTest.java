package flight.hal.compliance.internal;

import static flight.hal.compliance.internal.Fakes.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.compliance.CheckResult;
import flight.hal.compliance.Verdict;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoResult;
import flight.hal.driver.storage.internal.HostBlockDevice;

/** The block device suite against the host's file, NVM and zoned devices, and against devices bent to misbehave. */
class StorageSuiteTest {
    @TempDir
    Path dir;

    private HostBlockDevice device(String name, Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("hal.driver.name", name);
        properties.put("path", dir.resolve(name + ".img").toString());
        properties.put("capacity.bytes", 4L * 1024 * 1024);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        return ScrActivation.activated(new HostBlockDevice(), properties);
    }

    private static List<CheckResult> check(BlockDevice device) {
        return Fakes.check(new StorageSuite(), device, BlockDevice.class);
    }

    /** Every check passes or says why it does not apply, and the scratch blocks hold what they held before. */
    private static List<CheckResult> assertCompliantAndRestored(HostBlockDevice device, long lastLba) {
        device.initialize().orElseThrow();
        ByteBuffer before = ByteBuffer.allocate(device.deviceCapabilities().logicalBlockSize());
        device.read(lastLba, before).orElseThrow();
        List<CheckResult> results = check(device);
        Fakes.assertNoFailure(results);
        device.initialize().orElseThrow();
        ByteBuffer after = ByteBuffer.allocate(before.capacity());
        device.read(lastLba, after).orElseThrow();
        assertEquals(before, after, "the last block changed");
        device.close();
        return results;
    }

    @Test
    void aFileDeviceIsCompliantAndKeepsItsData() {
        HostBlockDevice file = device("file", "kind", "FILE");
        long last = file.deviceCapabilities().capacityBlocks() - 1;
        file.initialize().orElseThrow();
        file.write(last, ByteBuffer.allocate(4096).putLong(0, 0x484E3421L)).orElseThrow();
        List<CheckResult> results = assertCompliantAndRestored(file, last);
        assertEquals(Verdict.SKIPPED, named(results, "zones").verdict());
        assertEquals(Verdict.SKIPPED, named(results, "NVM persistence").verdict());
        assertEquals(Verdict.PASS, named(results, "discard").verdict()); // the file device reports DISCARD
        assertEquals("MB/s", named(results, "storage throughput").measurement().unit());
        assertEquals(Verdict.PASS, named(results, "scratch region restored").verdict());
    }

    @Test
    void anNvmDeviceIsCompliant() {
        HostBlockDevice nvm = device("nvm", "kind", "NVM");
        List<CheckResult> results = assertCompliantAndRestored(nvm, nvm.deviceCapabilities().capacityBlocks() - 1);
        assertEquals(Verdict.PASS, named(results, "NVM persistence").verdict());
    }

    @Test
    void aZonedDeviceIsCompliantAndItsScratchZoneIsEmptyAgain() {
        HostBlockDevice zoned = device("zoned", "kind", "ZONED", "block.size", 512, "zone.size.blocks", 64L,
                "zone.count", 8);
        zoned.initialize().orElseThrow();
        List<CheckResult> results = check(zoned);
        assertEquals(Verdict.PASS, named(results, "zones").verdict(), named(results, "zones").detail());
        Fakes.assertNoFailure(results);
        assertEquals(Verdict.PASS, named(results, "scratch region restored").verdict());
        zoned.close();
    }

    @Test
    void aDeviceThatAcceptsMisalignedWritesFailsValidation() {
        HostBlockDevice real = device("lenient");
        BlockDevice lenient = Fakes.bend(BlockDevice.class, real, "write",
                args -> HalResult.ok(new IoResult(IoOperation.WRITE, (long) args[0], 0)));
        CheckResult alignment = named(check(lenient), "alignment refusals");
        assertEquals(Verdict.FAIL, alignment.verdict());
        assertTrue(alignment.detail().startsWith("write(100 bytes) succeeded"), alignment.detail());
        real.close();
    }

    @Test
    void aDeviceThatRefusesEveryTransferPassesNothingThatTransfers() {
        HostBlockDevice real = device("refusing");
        BlockDevice refusing = Fakes.bend(BlockDevice.class, real, Set.of("execute", "read", "write", "flush",
                "transferLarge", "zoneAppend"), args -> HalResult.err(HalError.invalidParameter("no")));
        List<CheckResult> results = check(refusing);
        assertEquals(List.of(), results.stream().filter(check -> check.verdict() == Verdict.PASS
                && !List.of("interface contract", "zones", "NVM persistence").contains(check.name())).toList());
        real.close();
    }
}
