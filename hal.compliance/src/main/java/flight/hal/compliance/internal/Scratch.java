package flight.hal.compliance.internal;

import java.nio.ByteBuffer;
import java.util.List;

import flight.hal.HalResult;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.ZoneInfo;
import flight.hal.storage.ZoneState;

/**
 * Where the kit may write on a block device without destroying its data. On a device that is not zoned: the last
 * blocks (up to 1 MiB and one transfer), whose contents are saved before the checks and written back after them. On a
 * zoned device: the last zone that is empty, reset after every check that wrote into it, so it is empty again.
 */
final class Scratch {
    static final int MOST_BYTES = 1024 * 1024;
    static final int FEWEST_BLOCKS = 4;

    final BlockDevice device;
    final DeviceCapabilities caps;
    final int blockSize;
    final boolean zoned;
    /** The first block of the region, and its length; 0 blocks when there is no region, {@link #unusable} says why. */
    final long start;
    final int blocks;
    final String unusable;
    /** The region's contents before the checks, on a device that is not zoned. */
    private final ByteBuffer saved;

    private Scratch(BlockDevice device, DeviceCapabilities caps, long start, int blocks, String unusable) {
        this.device = device;
        this.caps = caps;
        this.blockSize = caps.logicalBlockSize();
        this.zoned = caps.has(DeviceFeature.ZONED);
        this.start = start;
        this.blocks = blocks;
        this.unusable = unusable;
        this.saved = unusable == null && !zoned ? read(start, blocks) : null;
    }

    /** The region of {@code device}: saved when the device is not zoned. */
    static Scratch of(BlockDevice device, DeviceCapabilities caps) {
        int most = (int) Math.min(MOST_BYTES, caps.maxTransferBytes()) / caps.logicalBlockSize();
        if (!caps.has(DeviceFeature.ZONED)) {
            int blocks = (int) Math.min(most, caps.capacityBlocks());
            return blocks < FEWEST_BLOCKS ? unusable(device, caps, "the device has room for " + blocks + " scratch"
                    + " blocks; the kit needs " + FEWEST_BLOCKS)
                    : new Scratch(device, caps, caps.capacityBlocks() - blocks, blocks, null);
        }
        List<ZoneInfo> zones = Expect.ok(device.reportZones(), "reportZones()");
        for (int i = zones.size() - 1; i >= 0; i--) {
            ZoneInfo zone = zones.get(i);
            if (zone.state() == ZoneState.EMPTY && zone.capacityBlocks() >= FEWEST_BLOCKS) {
                return new Scratch(device, caps, zone.startLba(), (int) Math.min(most, zone.capacityBlocks()), null);
            }
        }
        return unusable(device, caps, "no zone is empty: the kit writes only into an empty zone, which it resets"
                + " afterwards, so that no data is destroyed");
    }

    private static Scratch unusable(BlockDevice device, DeviceCapabilities caps, String why) {
        return new Scratch(device, caps, 0, 0, why);
    }

    /** Makes the region writable from its start: resets the zone of a zoned device. */
    void fresh() {
        if (zoned) {
            Expect.ok(device.execute(IoRequest.zone(IoOperation.ZONE_RESET, start)), "ZONE_RESET of zone at LBA "
                    + start);
        }
    }

    /** {@code count} blocks of a pattern that differs by {@code seed} and by block. */
    ByteBuffer pattern(int count, long seed) {
        ByteBuffer data = ByteBuffer.allocate(count * blockSize);
        for (int i = 0; i < data.capacity(); i += Long.BYTES) {
            data.putLong(i, seed * 0x9E3779B97F4A7C15L + i + 1);
        }
        return data;
    }

    /** Writes {@code data} at {@code lba}; the result's blocks must be what was asked. */
    void write(long lba, ByteBuffer data) {
        IoResult done = Expect.ok(device.write(lba, data.duplicate()), "write(" + data.remaining() / blockSize
                + " blocks at LBA " + lba + ")");
        Expect.that(done.blocks() == data.remaining() / blockSize && done.lba() == lba, "write at LBA " + lba
                + " reported " + done);
    }

    ByteBuffer read(long lba, int count) {
        ByteBuffer into = ByteBuffer.allocate(count * blockSize);
        IoResult done = Expect.ok(device.read(lba, into), "read(" + count + " blocks at LBA " + lba + ")");
        Expect.that(done.blocks() == count && into.position() == 0, "read at LBA " + lba + " reported " + done
                + " and left the buffer at " + into.position());
        return into;
    }

    /** Expects the {@code count} blocks at {@code lba} to hold {@code expected}. */
    void expectHolds(long lba, ByteBuffer expected, String what) {
        Expect.that(read(lba, expected.remaining() / blockSize).equals(expected), what);
    }

    static boolean zeros(ByteBuffer data) {
        for (int i = 0; i < data.capacity(); i++) {
            if (data.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Writes the saved contents back, or resets the zone; then checks the region is as it was. */
    Outcome restore() {
        if (unusable != null) {
            return Outcome.skip("nothing was written: " + unusable);
        }
        if (zoned) {
            fresh();
            ZoneInfo zone = Expect.ok(device.reportZones(), "reportZones()").stream()
                    .filter(each -> each.startLba() == start).findFirst().orElseThrow();
            Expect.that(zone.state() == ZoneState.EMPTY && zone.writePointer() == start, "the scratch zone at LBA "
                    + start + " is " + zone + " after its reset");
            return Outcome.pass("the scratch zone at LBA " + start + " reset: EMPTY, write pointer at its start");
        }
        write(start, saved);
        HalResult<IoResult> flushed = device.flush();
        Expect.ok(flushed, "flush()");
        expectHolds(start, saved, "the scratch blocks do not hold their saved contents after the restore");
        return Outcome.pass(blocks + " blocks at LBA " + start + " written back with their saved contents and"
                + " flushed");
    }
}
