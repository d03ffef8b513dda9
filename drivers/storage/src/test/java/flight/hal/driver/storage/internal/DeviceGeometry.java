package flight.hal.driver.storage.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The configuration of a small device for a property: a few KiB to a few hundred KiB, so one try opens and checks it
 * in milliseconds.
 *
 * @param kind              FILE, NVM or ZONED
 * @param blockSize         logical block size
 * @param capacityBlocks    blocks on the device (for ZONED, zone count times zone size)
 * @param maxTransferBlocks blocks in the largest single request
 * @param zoneSize          blocks per zone (ZONED only, else 0)
 * @param zoneCapacity      writable blocks per zone (ZONED only, else 0)
 * @param ioThreads         threads executing requests
 */
record DeviceGeometry(DeviceKind kind, int blockSize, long capacityBlocks, int maxTransferBlocks, long zoneSize,
                      long zoneCapacity, int ioThreads) {

    static Arbitrary<DeviceGeometry> of(DeviceKind kind) {
        Arbitrary<Integer> blockSizes = Arbitraries.of(512, 1024, 4096);
        Arbitrary<Integer> transfers = Arbitraries.integers().between(1, 8);
        Arbitrary<Integer> threads = Arbitraries.integers().between(1, 2);
        if (kind != DeviceKind.ZONED) {
            return Combinators.combine(blockSizes, Arbitraries.longs().between(4, 48), transfers, threads)
                    .as((block, blocks, transfer, io) -> new DeviceGeometry(kind, block, blocks, transfer, 0, 0, io));
        }
        Arbitrary<long[]> zones = Arbitraries.longs().between(2, 8).flatMap(size -> Combinators.combine(
                Arbitraries.longs().between(1, size), Arbitraries.longs().between(2, 5))
                .as((capacity, count) -> new long[] {size, capacity, count}));
        return Combinators.combine(blockSizes, zones, transfers, threads).as((block, zone, transfer, io) ->
                new DeviceGeometry(kind, block, zone[0] * zone[2], transfer, zone[0], zone[1], io));
    }

    int zoneCount() {
        return zoneSize == 0 ? 0 : (int) (capacityBlocks / zoneSize);
    }

    int maxTransferBytes() {
        return maxTransferBlocks * blockSize;
    }

    long capacityBytes() {
        return capacityBlocks * blockSize;
    }

    /** The key-value pairs that configure this device. */
    Object[] configuration() {
        List<Object> pairs = new ArrayList<>(List.of(DeviceConfig.KIND, kind.name(), DeviceConfig.BLOCK_SIZE,
                blockSize, DeviceConfig.MAX_TRANSFER_BYTES, maxTransferBytes(), DeviceConfig.IO_THREADS, ioThreads));
        if (kind == DeviceKind.ZONED) {
            pairs.addAll(List.of(DeviceConfig.ZONE_SIZE_BLOCKS, zoneSize, DeviceConfig.ZONE_CAPACITY_BLOCKS,
                    zoneCapacity, DeviceConfig.ZONE_COUNT, zoneCount()));
        } else {
            pairs.addAll(List.of(DeviceConfig.CAPACITY_BYTES, capacityBytes()));
        }
        return pairs.toArray();
    }

    HostBlockDevice open(Path dir) {
        return Devices.open(dir, kind.name().toLowerCase(java.util.Locale.ROOT), configuration());
    }
}
