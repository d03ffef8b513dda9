package flight.hal.compliance.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.PowerOfTwo;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.shell.format.Sizes;

/** Block device checks of the geometry, refusals, read-back, flush and FUA, discard and NVM persistence. */
final class StorageChecks {
    private static final long WAIT_SECONDS = 20;

    private final Scratch scratch;
    private final BlockDevice device;
    private final DeviceCapabilities caps;
    private final int blockSize;

    StorageChecks(Scratch scratch) {
        this.scratch = scratch;
        this.device = scratch.device;
        this.caps = scratch.caps;
        this.blockSize = scratch.blockSize;
    }

    /** The geometry a device reports must be usable: the kit refuses to address a device that contradicts itself. */
    static void expectSaneGeometry(DeviceCapabilities caps) {
        Expect.that(caps != null, "deviceCapabilities() is null");
        int block = caps.logicalBlockSize();
        Expect.that(block >= 512 && PowerOfTwo.is(block), "the logical block size " + block + " is not a power"
                + " of two of at least 512");
        Expect.that(caps.physicalBlockSize() > 0, "the physical block size is " + caps.physicalBlockSize());
        Expect.that(caps.capacityBlocks() > 0, "the capacity is " + caps.capacityBlocks() + " blocks");
        Expect.that(caps.maxTransferBytes() >= block && caps.maxTransferBytes() % block == 0, "the maximum transfer "
                + caps.maxTransferBytes() + " is not a positive multiple of the block size " + block);
        Expect.that(caps.queueDepth() > 0, "the queue depth is " + caps.queueDepth());
        if (caps.has(DeviceFeature.ZONED)) {
            Expect.that(caps.zoneSizeBlocks() > 0 && caps.zoneCount() > 0 && caps.zoneCapacityBlocks() > 0
                    && caps.zoneCapacityBlocks() <= caps.zoneSizeBlocks(), "zoned geometry " + caps);
            Expect.that(caps.zoneSizeBlocks() * caps.zoneCount() <= caps.capacityBlocks(), caps.zoneCount()
                    + " zones of " + caps.zoneSizeBlocks() + " blocks do not fit " + caps.capacityBlocks() + " blocks");
        } else {
            Expect.that(caps.zoneSizeBlocks() == 0 && caps.zoneCount() == 0, "a device that is not ZONED reports"
                    + " zones: " + caps);
        }
    }

    /** Misaligned lengths and buffers, a missing buffer, (zoned) a write off the write pointer: refused, no change. */
    Outcome alignment() {
        scratch.fresh();
        ByteBuffer before = scratch.read(scratch.start, 1);
        DeviceStats stats = device.stats();
        long lba = scratch.start;
        refused(device.write(lba, ByteBuffer.allocate(100)), "write(100 bytes)");
        refused(device.write(lba, ByteBuffer.allocate(blockSize + 1)), "write(a block and a byte)");
        refused(device.write(lba, ByteBuffer.allocate(0)), "write(0 bytes)");
        refused(device.write(lba, ByteBuffer.allocate(2 * blockSize).position(1)), "write(a buffer at position 1)");
        refused(device.read(lba, ByteBuffer.allocate(blockSize).asReadOnlyBuffer()), "read(into a read-only buffer)");
        refused(device.execute(new IoRequest(IoOperation.WRITE, lba, 0, null, false)), "WRITE without a buffer");
        if (scratch.zoned) {
            refused(device.write(lba + 1, ByteBuffer.allocate(blockSize)), "write off the zone's write pointer");
        }
        expectUnchanged(stats, before, "refused misaligned requests");
        return Outcome.pass("lengths that are not whole blocks, a buffer position off a block, an empty, read-only or"
                + " missing buffer" + (scratch.zoned ? ", a write off the write pointer" : "") + ": refused as"
                + " INVALID_PARAMETER, nothing transferred");
    }

    /** Blocks off the end, negative and overflowing LBAs and counts, a transfer above the maximum: refused. */
    Outcome range() {
        scratch.fresh();
        ByteBuffer before = scratch.read(scratch.start, 1);
        DeviceStats stats = device.stats();
        long capacity = caps.capacityBlocks();
        refused(device.read(capacity, ByteBuffer.allocate(blockSize)), "read(the block after the last)");
        refused(device.read(capacity - 1, ByteBuffer.allocate(2 * blockSize)), "read(2 blocks at the last block)");
        refused(device.read(-1, ByteBuffer.allocate(blockSize)), "read(LBA -1)");
        refused(device.read(Long.MAX_VALUE, ByteBuffer.allocate(blockSize)), "read(LBA Long.MAX_VALUE)");
        refused(device.write(capacity, ByteBuffer.allocate(blockSize)), "write(the block after the last)");
        refused(device.write(Long.MIN_VALUE, ByteBuffer.allocate(blockSize)), "write(LBA Long.MIN_VALUE)");
        refused(device.transferLarge(IoRequest.read(capacity - 1, ByteBuffer.allocate(2 * blockSize))),
                "transferLarge(read of 2 blocks at the last block)");
        long tooLarge = (long) caps.maxTransferBytes() + blockSize;
        if (tooLarge <= Math.min(caps.capacityBytes(), Integer.MAX_VALUE)) {
            refused(device.read(0, ByteBuffer.allocate((int) tooLarge)), "read(a block above the maximum transfer)");
        }
        if (caps.has(DeviceFeature.DISCARD)) {
            refused(device.execute(IoRequest.discard(Long.MAX_VALUE - 1, 4)), "discard(4 blocks at Long.MAX_VALUE - 1)");
            refused(device.execute(IoRequest.discard(scratch.start, Long.MAX_VALUE)), "discard(Long.MAX_VALUE blocks)");
            refused(device.execute(IoRequest.discard(scratch.start, 0)), "discard(0 blocks)");
        }
        expectUnchanged(stats, before, "refused requests off the device");
        return Outcome.pass("blocks after the last, across the end, at negative and overflowing LBAs"
                + (caps.has(DeviceFeature.DISCARD) ? ", discards that overflow or are empty" : "")
                + ", above the maximum transfer: refused as INVALID_PARAMETER, nothing transferred");
    }

    private static void refused(HalResult<?> result, String call) {
        Expect.error(result, ErrorCategory.INVALID_PARAMETER, call);
    }

    private void expectUnchanged(DeviceStats stats, ByteBuffer before, String what) {
        DeviceStats after = device.stats();
        Expect.that(after.bytesWritten() == stats.bytesWritten() && after.bytesRead() == stats.bytesRead(),
                what + " moved bytes: " + stats + " became " + after);
        scratch.expectHolds(scratch.start, before, what + " changed the first scratch block");
    }

    /** The scratch region written, then read back synchronously, through {@code submit()} and the chunker. */
    Outcome readBack() throws Exception {
        scratch.fresh();
        ByteBuffer data = scratch.pattern(scratch.blocks, 1);
        scratch.write(scratch.start, data);
        scratch.expectHolds(scratch.start, data, "read() did not return what was written");
        ByteBuffer into = ByteBuffer.allocate(data.capacity());
        HalResult<IoResult> async = device.submit(IoRequest.read(scratch.start, into)).toCompletableFuture()
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        Expect.ok(async, "submit(read)");
        Expect.that(into.equals(data), "submit(read) did not return what was written");
        ByteBuffer chunked = ByteBuffer.allocate(data.capacity());
        Expect.ok(device.transferLarge(IoRequest.read(scratch.start, chunked)), "transferLarge(read)");
        Expect.that(chunked.equals(data), "transferLarge(read) did not return what was written");
        return Outcome.pass(scratch.blocks + " blocks of " + Sizes.of(blockSize) + " written at LBA " + scratch.start
                + " and read back by read(), submit() and transferLarge()");
    }

    /** A flush, and where the device has FUA, a write with FUA that reads back. */
    Outcome flushAndFua() {
        scratch.fresh();
        ByteBuffer data = scratch.pattern(2, 2);
        scratch.write(scratch.start, data);
        Expect.ok(device.flush(), "flush()");
        if (!caps.has(DeviceFeature.FUA)) {
            scratch.expectHolds(scratch.start, data, "the blocks written before a flush changed");
            return Outcome.pass("flush() after a write; FUA not checked: the device does not report FUA");
        }
        ByteBuffer forced = scratch.pattern(1, 3);
        IoResult done = Expect.ok(device.execute(IoRequest.writeFua(scratch.start + 2, forced)), "write with FUA");
        Expect.that(done.blocks() == 1, "write with FUA reported " + done);
        scratch.expectHolds(scratch.start + 2, forced, "the block written with FUA does not read back");
        return Outcome.pass("flush() after a write, and a write with FUA read back");
    }

    /** Discarded blocks read as zeros until written again. */
    Outcome discard() {
        if (!caps.has(DeviceFeature.DISCARD)) {
            return Outcome.skip("the device does not report DISCARD");
        }
        ByteBuffer data = scratch.pattern(Scratch.FEWEST_BLOCKS, 4);
        scratch.write(scratch.start, data);
        IoResult done = Expect.ok(device.execute(IoRequest.discard(scratch.start, Scratch.FEWEST_BLOCKS)),
                "discard(" + Scratch.FEWEST_BLOCKS + " blocks)");
        Expect.that(done.blocks() == Scratch.FEWEST_BLOCKS, "discard reported " + done);
        Expect.that(Scratch.zeros(scratch.read(scratch.start, Scratch.FEWEST_BLOCKS)),
                "discarded blocks do not read as zeros");
        ByteBuffer again = scratch.pattern(1, 5);
        scratch.write(scratch.start, again);
        scratch.expectHolds(scratch.start, again, "a discarded block written again does not read back");
        return Outcome.pass(Scratch.FEWEST_BLOCKS + " blocks written, discarded: read as zeros; written again: read"
                + " back");
    }

    /** An NVM device's mapping and persistence barrier; other devices refuse both as unsupported. */
    Outcome persistence() {
        if (!caps.has(DeviceFeature.NVM)) {
            Expect.error(device.persist(0, blockSize), ErrorCategory.UNSUPPORTED_CAPABILITY, "persist() on a device"
                    + " that is not NVM");
            Expect.error(device.mapping(), ErrorCategory.UNSUPPORTED_CAPABILITY, "mapping() on a device that is not"
                    + " NVM");
            return Outcome.skip("the device is not NVM: persist() and mapping() are refused as UNSUPPORTED_CAPABILITY,"
                    + " as they must be");
        }
        ByteBuffer mapping = Expect.ok(device.mapping(), "mapping()");
        Expect.that(mapping.capacity() >= caps.capacityBytes(), "the mapping holds " + mapping.capacity() + " of "
                + caps.capacityBytes() + " bytes");
        ByteBuffer data = scratch.pattern(1, 6);
        long offset = scratch.start * blockSize;
        mapping.put((int) offset, data, 0, data.capacity());
        Expect.ok(device.persist(offset, blockSize), "persist(one block)");
        scratch.expectHolds(scratch.start, data, "a block stored through the mapping does not read back");
        Expect.error(device.persist(-1, blockSize), ErrorCategory.INVALID_PARAMETER, "persist(at byte -1)");
        Expect.error(device.persist(caps.capacityBytes(), blockSize), ErrorCategory.INVALID_PARAMETER,
                "persist(after the end)");
        return Outcome.pass("a block stored through the mapping, persisted, read back; persist() off the device"
                + " refused");
    }
}
