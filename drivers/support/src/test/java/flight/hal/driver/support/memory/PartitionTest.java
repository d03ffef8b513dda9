package flight.hal.driver.support.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;

import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

class PartitionTest {
    /** 8 KiB at region offset 4096, 64-byte blocks of at least 256 bytes. */
    private final Partition partition =
            new Partition(new PartitionSpec("test", MemoryType.SYSTEM, Set.of(MemoryType.SYSTEM), 4096, 8192, 64, 256,
                    null, null));

    @Test
    void blocksAreWholeAlignmentUnitsOfAtLeastTheMinimum() {
        assertEquals(256, partition.blockSize(1));
        assertEquals(256, partition.blockSize(256));
        assertEquals(320, partition.blockSize(257));
        assertEquals(64, partition.alignmentFor(8));
        assertEquals(1024, partition.alignmentFor(1024));
    }

    @Test
    void firstFitHandsOutConsecutiveBlocksFromThePartitionsOffset() {
        assertEquals(4096, partition.take(256, 64));
        assertEquals(4352, partition.take(320, 64));
        assertEquals(4672, partition.take(256, 64));
        MemoryStats stats = partition.stats(Long.MAX_VALUE);
        assertEquals(new MemoryStats(8192, 832, 8192 - 832, 832, 3, 3, 0, 8192 - 832), stats);
    }

    @Test
    void largerAlignmentLeavesTheGapBeforeTheBlockFree() {
        partition.take(256, 64);
        assertEquals(6144, partition.take(256, 2048));
        assertEquals(4352, partition.take(1024, 64)); // fits the gap left before the aligned block
        assertEquals(12288 - 6400, partition.largestFreeRun()); // the run after the aligned block
    }

    @Test
    void releasedBlocksMergeWithBothNeighbours() {
        long a = partition.take(1024, 64);
        long b = partition.take(1024, 64);
        long c = partition.take(1024, 64);
        partition.give(a, 1024);
        partition.give(c, 1024);
        assertEquals(8192 - 2048, partition.largestFreeRun());
        partition.give(b, 1024);
        assertEquals(8192, partition.largestFreeRun());
        assertEquals(0, partition.stats(Long.MAX_VALUE).usedBytes());
        assertEquals(4096, partition.take(8192, 64));
        assertEquals(8192, partition.stats(Long.MAX_VALUE).peakUsedBytes());
    }

    @Test
    void aFullPartitionRefusesAndRecoversWhenBlocksComeBack() {
        long whole = partition.take(8192, 64);
        assertEquals(-1, partition.take(256, 64));
        partition.give(whole, 8192);
        assertEquals(4096, partition.take(256, 64));
        assertEquals("test partition of 8192 bytes, 7936 free, largest free block 7936", partition.describe());
    }

    @Test
    void inconsistentSpecsAreProgrammingErrors() {
        assertThrows(IllegalArgumentException.class, () -> new PartitionSpec("odd", MemoryType.SYSTEM, Set.of(), 0,
                1000, 64, 256, null, null));
        assertThrows(IllegalArgumentException.class, () -> new PartitionSpec("small", MemoryType.SYSTEM, Set.of(), 0,
                4096, 64, 32, null, null));
        assertThrows(IllegalArgumentException.class, () -> new PartitionSpec("misplaced", MemoryType.SYSTEM, Set.of(),
                8, 4096, 64, 64, null, null));
    }
}
