package flight.hal.compliance.internal;

import java.nio.ByteBuffer;
import java.util.List;

import flight.hal.ErrorCategory;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.ZoneInfo;
import flight.hal.storage.ZoneState;

/** The zoned-namespace checks: the zone report, appends, write pointers, reset and finish, in the scratch zone. */
final class ZoneChecks {

    private ZoneChecks() {
    }

    static Outcome zones(Scratch scratch) {
        BlockDevice device = scratch.device;
        DeviceCapabilities caps = scratch.caps;
        if (!caps.has(DeviceFeature.ZONED)) {
            Expect.error(device.reportZones(), ErrorCategory.UNSUPPORTED_CAPABILITY, "reportZones() on a device that"
                    + " is not zoned");
            return Outcome.skip("the device is not zoned: reportZones() is refused as UNSUPPORTED_CAPABILITY, as it"
                    + " must be");
        }
        List<ZoneInfo> zones = Expect.ok(device.reportZones(), "reportZones()");
        Expect.that(zones.size() == caps.zoneCount(), "reportZones() gave " + zones.size() + " of " + caps.zoneCount()
                + " zones");
        for (int i = 0; i < zones.size(); i++) {
            ZoneInfo zone = zones.get(i);
            Expect.that(zone.index() == i && zone.startLba() == i * caps.zoneSizeBlocks()
                    && zone.sizeBlocks() == caps.zoneSizeBlocks() && zone.writtenBlocks() >= 0
                    && zone.writtenBlocks() <= zone.capacityBlocks(), "zone " + i + " is reported as " + zone);
        }
        if (scratch.unusable != null) {
            return Outcome.skip("the zone report is consistent; appends not checked: " + scratch.unusable);
        }
        long start = scratch.start;
        scratch.fresh();
        ByteBuffer first = scratch.pattern(1, 7);
        ByteBuffer next = scratch.pattern(2, 8);
        long firstLba = Expect.ok(device.zoneAppend(start, first.duplicate()), "zoneAppend(1 block)").resultLba();
        long nextLba = Expect.ok(device.zoneAppend(start, next.duplicate()), "zoneAppend(2 blocks)").resultLba();
        Expect.that(firstLba == start && nextLba == start + 1, "appends to the zone at LBA " + start + " went to LBA "
                + firstLba + " and " + nextLba + ", not " + start + " and " + (start + 1));
        ZoneInfo written = zone(device, start);
        Expect.that(written.writePointer() == start + 3 && written.state() != ZoneState.EMPTY
                && written.state() != ZoneState.FULL, "after 3 appended blocks the zone is " + written);
        scratch.expectHolds(start, first, "the first appended block does not read back");
        scratch.expectHolds(start + 1, next, "the appended blocks do not read back");
        Expect.error(device.write(start, first.duplicate()), ErrorCategory.INVALID_PARAMETER,
                "write behind the write pointer");
        Expect.ok(device.execute(IoRequest.zone(IoOperation.ZONE_RESET, start)), "ZONE_RESET");
        ZoneInfo reset = zone(device, start);
        Expect.that(reset.state() == ZoneState.EMPTY && reset.writePointer() == start, "after a reset the zone is "
                + reset);
        Expect.that(Scratch.zeros(scratch.read(start, 3)), "blocks of a reset zone do not read as zeros");
        Expect.ok(device.execute(IoRequest.zone(IoOperation.ZONE_FINISH, start)), "ZONE_FINISH");
        ZoneInfo finished = zone(device, start);
        Expect.that(finished.state() == ZoneState.FULL && finished.remainingBlocks() == 0, "after a finish the zone"
                + " is " + finished);
        Expect.that(Scratch.zeros(scratch.read(start, 3)), "after a reset and a finish, blocks written before the"
                + " reset read back instead of zeros");
        Expect.that(device.zoneAppend(start, first.duplicate()).isErr(), "an append to a FULL zone succeeded");
        scratch.fresh();
        return Outcome.pass(zones.size() + " zones reported consistently; in the zone at LBA " + start + ": appends"
                + " at LBA " + firstLba + " and " + nextLba + ", write pointer advanced, a write behind it refused,"
                + " reset reads zeros, finish is FULL, reads zeros and refuses appends");
    }

    private static ZoneInfo zone(BlockDevice device, long start) {
        return Expect.ok(device.reportZones(), "reportZones()").stream().filter(zone -> zone.startLba() == start)
                .findFirst().orElseThrow(() -> new Expect.Unmet("reportZones() lost the zone at LBA " + start));
    }
}
