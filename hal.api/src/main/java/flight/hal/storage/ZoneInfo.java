package flight.hal.storage;

import java.util.Objects;

/**
 * One zone of a zoned device, as a zone report gives it.
 *
 * @param index          the zone's number, from 0
 * @param startLba       its first block
 * @param sizeBlocks     blocks it spans
 * @param capacityBlocks blocks that can be written (at most {@code sizeBlocks})
 * @param writePointer   the LBA the next write must start at
 * @param state          its state
 */
public record ZoneInfo(int index, long startLba, long sizeBlocks, long capacityBlocks, long writePointer,
                       ZoneState state) {

    public ZoneInfo {
        Objects.requireNonNull(state, "state");
    }

    /** Blocks written since the last reset. */
    public long writtenBlocks() {
        return writePointer - startLba;
    }

    /** Blocks that can still be written. */
    public long remainingBlocks() {
        return capacityBlocks - writtenBlocks();
    }
}
