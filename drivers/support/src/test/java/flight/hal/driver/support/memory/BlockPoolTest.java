package flight.hal.driver.support.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;

import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

class BlockPoolTest {
    /** 8 KiB at region offset 4096, 64-byte blocks of at least 256 bytes. */
    private final BlockPool pool =
            new BlockPool(new PoolSpec("test", MemoryType.SYSTEM, Set.of(MemoryType.SYSTEM), 4096, 8192, 64, 256,
                    null, null));

    @Test
    void blocksAreWholeAlignmentUnitsOfAtLeastTheMinimum() {
        assertEquals(256, pool.blockSize(1));
        assertEquals(256, pool.blockSize(256));
        assertEquals(320, pool.blockSize(257));
        assertEquals(64, pool.alignmentFor(8));
        assertEquals(1024, pool.alignmentFor(1024));
    }

    @Test
    void firstFitHandsOutConsecutiveBlocksFromThePoolsOffset() {
        assertEquals(4096, pool.take(256, 64));
        assertEquals(4352, pool.take(320, 64));
        assertEquals(4672, pool.take(256, 64));
        MemoryStats stats = pool.stats(Long.MAX_VALUE);
        assertEquals(new MemoryStats(8192, 832, 8192 - 832, 832, 3, 3, 0, 8192 - 832), stats);
    }

    @Test
    void largerAlignmentLeavesTheGapBeforeTheBlockFree() {
        pool.take(256, 64);
        assertEquals(6144, pool.take(256, 2048));
        assertEquals(4352, pool.take(1024, 64)); // fits the gap left before the aligned block
        assertEquals(12288 - 6400, pool.largestFreeRun()); // the run after the aligned block
    }

    @Test
    void releasedBlocksMergeWithBothNeighbours() {
        long a = pool.take(1024, 64);
        long b = pool.take(1024, 64);
        long c = pool.take(1024, 64);
        pool.give(a, 1024);
        pool.give(c, 1024);
        assertEquals(8192 - 2048, pool.largestFreeRun());
        pool.give(b, 1024);
        assertEquals(8192, pool.largestFreeRun());
        assertEquals(0, pool.stats(Long.MAX_VALUE).usedBytes());
        assertEquals(4096, pool.take(8192, 64));
        assertEquals(8192, pool.stats(Long.MAX_VALUE).peakUsedBytes());
    }

    @Test
    void aFullPoolRefusesAndRecoversWhenBlocksComeBack() {
        long whole = pool.take(8192, 64);
        assertEquals(-1, pool.take(256, 64));
        pool.give(whole, 8192);
        assertEquals(4096, pool.take(256, 64));
        assertEquals("test pool of 8192 bytes, 7936 free, largest free block 7936", pool.describe());
    }

    @Test
    void inconsistentSpecsAreProgrammingErrors() {
        assertThrows(IllegalArgumentException.class, () -> new PoolSpec("odd", MemoryType.SYSTEM, Set.of(), 0, 1000,
                64, 256, null, null));
        assertThrows(IllegalArgumentException.class, () -> new PoolSpec("small", MemoryType.SYSTEM, Set.of(), 0,
                4096, 64, 32, null, null));
        assertThrows(IllegalArgumentException.class, () -> new PoolSpec("misplaced", MemoryType.SYSTEM, Set.of(),
                8, 4096, 64, 64, null, null));
    }
}
