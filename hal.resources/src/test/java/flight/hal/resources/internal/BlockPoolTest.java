package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.PoolBlock;
import flight.hal.resources.PoolConfig;
import flight.hal.resources.PoolStats;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourceType;

class BlockPoolTest {
    private final Ledger ledger = new Ledger(new Reclaimers(), (type, pressure, stats) -> { });
    private final Budgets budgets = new Budgets(ledger);
    private final LeakLog leaks = new LeakLog(new ManagerEvents(() -> null));
    private final BundleAccount owner = new BundleAccount(5, "owner");

    BlockPoolTest() {
        budgets.open(owner);
    }

    private BlockPool pool(int blockSize, int initial, int max, int alignment, boolean threadSafe) {
        PoolConfig config = new PoolConfig(ResourceType.MEMORY, blockSize, initial, max, alignment, threadSafe,
                "pool" + blockSize);
        return BlockPool.create(1, config, owner, ledger, leaks).orElseThrow();
    }

    @Test
    void blocksAreAlignedDirectSlicesOfTheBlockSize() {
        BlockPool pool = pool(100, 4, 4, 64, true);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            PoolBlock block = pool.acquire().orElseThrow();
            assertTrue(block.buffer().isDirect());
            assertEquals(100, block.buffer().capacity());
            assertEquals(0, block.buffer().alignmentOffset(0, 64));
            block.buffer().putLong(0, i);
            seen.add((long) block.index());
        }
        assertEquals(Set.of(0L, 1L, 2L, 3L), seen);
    }

    @Test
    void aHitReturnsTheResultMadeWithTheBlock() {
        BlockPool pool = pool(64, 1, 1, 8, true);
        HalResult<PoolBlock> first = pool.acquire();
        first.orElseThrow().release();
        assertSame(first, pool.acquire());
    }

    @Test
    void initialBlocksAreChargedToTheBudgetAndMissesGrowThePool() {
        BlockPool pool = pool(1000, 2, 8, 8, true);
        assertEquals(2007, owner.usage(ResourceType.MEMORY).current());
        List<PoolBlock> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(pool.acquire().orElseThrow());
        }
        PoolStats stats = pool.stats();
        assertEquals(8, stats.totalBlocks());
        assertEquals(5, stats.usedBlocks());
        assertEquals(3, stats.freeBlocks());
        assertEquals(5000, stats.usedBytes());
        assertEquals(3, stats.hits());
        assertEquals(2, stats.misses());
        assertEquals(2007 + 2007 + 4007, ledger.type(ResourceType.MEMORY).stats().currentUsage());
        held.forEach(PoolBlock::release);
        assertEquals(0, pool.stats().usedBlocks());
        assertEquals(5, pool.stats().highWaterBlocks());
    }

    @Test
    void aFullPoolAndADoubleReleaseAreErrors() {
        BlockPool pool = pool(64, 1, 2, 8, false);
        PoolBlock first = pool.acquire().orElseThrow();
        pool.acquire().orElseThrow();
        HalError exhausted = pool.acquire().errorOrNull();
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, exhausted.category());
        assertEquals(ResourceErrors.POOL_EXHAUSTED, exhausted.code());
        assertTrue(exhausted.message().contains("all 2 blocks of 64 bytes are in use"), exhausted.message());
        assertTrue(first.release().isOk());
        assertEquals(ResourceErrors.POOL_DOUBLE_RELEASE, first.release().errorOrNull().code());
        assertEquals(1, pool.stats().usedBlocks());
    }

    @Test
    void theBudgetLimitsGrowth() {
        budgets.set(ResourceType.MEMORY, ResourceBudget.of(3000, 0));
        BlockPool pool = pool(1000, 2, 8, 8, true);
        pool.acquire().orElseThrow();
        pool.acquire().orElseThrow();
        HalError refused = pool.acquire().errorOrNull();
        assertEquals(ErrorCategory.BUDGET_EXCEEDED, refused.category());
        assertEquals(2, pool.stats().totalBlocks());
    }

    @Test
    void closingGivesTheMemoryBackAndReportsBlocksInUse() {
        BlockPool pool = pool(256, 4, 4, 16, true);
        owner.pools.put("pool256", pool);
        PoolBlock held = pool.acquire().orElseThrow();
        pool.close();
        assertEquals(0, ledger.type(ResourceType.MEMORY).stats().currentUsage());
        assertTrue(owner.pools.isEmpty());
        ResourceLeak leak = leaks.recent().get(0);
        assertEquals(ResourceLeak.Cause.POOL_CLOSED, leak.cause());
        assertEquals(256, leak.handle().sizeBytes());
        assertEquals(ResourceErrors.POOL_CLOSED, held.release().errorOrNull().code());
        assertEquals(ResourceErrors.POOL_CLOSED, pool.acquire().errorOrNull().code());
    }

    @Test
    void concurrentAcquireAndReleaseKeepExactCounts() throws Exception {
        BlockPool pool = pool(32, 4, 64, 8, true);
        Set<Integer> inUse = ConcurrentHashMap.newKeySet();
        List<Long> rounds = Concurrently.run(() -> {
            long done = 0;
            for (int i = 0; i < 20_000; i++) {
                PoolBlock block = pool.acquire().orElseThrow();
                if (!inUse.add(block.index())) {
                    throw new AssertionError("block " + block.index() + " handed out twice");
                }
                block.buffer().putInt(0, i);
                inUse.remove(block.index());
                assertTrue(block.release().isOk());
                done++;
            }
            return done;
        });
        long total = rounds.stream().mapToLong(Long::longValue).sum();
        PoolStats stats = pool.stats();
        assertEquals(total, stats.hits() + stats.misses());
        assertEquals(0, stats.usedBlocks());
        assertTrue(stats.highWaterBlocks() <= rounds.size());
        assertTrue(stats.totalBlocks() <= rounds.size() + 4);
        assertNotEquals(0, stats.hits());
    }

    @Test
    void aBlockReleasedOnAnotherThreadComesBack() throws InterruptedException {
        BlockPool pool = pool(64, 2, 2, 8, true);
        PoolBlock first = pool.acquire().orElseThrow();
        PoolBlock second = pool.acquire().orElseThrow();
        Concurrently.onAnotherThread(() -> {
            assertTrue(first.release().isOk());
            assertTrue(second.release().isOk());
        });
        assertEquals(0, pool.stats().usedBlocks());
        Set<Integer> again = Set.of(pool.acquire().orElseThrow().index(), pool.acquire().orElseThrow().index());
        assertEquals(Set.of(0, 1), again, "the blocks the other thread keeps aside are taken back, not new ones");
        PoolStats stats = pool.stats();
        assertEquals(2, stats.totalBlocks());
        assertEquals(0, stats.misses());
        assertEquals(4, stats.hits());
        assertEquals(2, stats.highWaterBlocks());
    }

    @Test
    void theHighWaterMarkCountsBlocksInUseAtOnceAcrossThreads() throws InterruptedException {
        BlockPool pool = pool(64, 8, 64, 8, true);
        for (int round = 0; round < 3; round++) {
            Concurrently.onAnotherThread(() -> {
                List<PoolBlock> held = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    held.add(pool.acquire().orElseThrow());
                }
                held.forEach(PoolBlock::release);
            });
        }
        PoolStats stats = pool.stats();
        assertEquals(5, stats.highWaterBlocks());
        assertEquals(8, stats.totalBlocks());
        assertEquals(15, stats.hits());
        assertEquals(0, stats.usedBlocks());
    }

    @Test
    void closingCountsTheBlocksThreadsKeepAsideAsFree() throws Exception {
        BlockPool pool = pool(128, 0, 256, 8, true);
        owner.pools.put("pool128", pool);
        PoolBlock held = pool.acquire().orElseThrow();
        Concurrently.run(() -> {
            List<PoolBlock> blocks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                blocks.add(pool.acquire().orElseThrow());
            }
            blocks.forEach(PoolBlock::release);
            return (long) blocks.size();
        });
        assertEquals(1, pool.stats().usedBlocks());
        pool.shutDown(ResourceLeak.Cause.OWNER_STOPPED);
        PoolStats stats = pool.stats();
        assertEquals(1, stats.usedBlocks());
        assertEquals(stats.totalBlocks() - 1, stats.freeBlocks());
        assertEquals(0, ledger.type(ResourceType.MEMORY).stats().currentUsage());
        assertEquals(1, leaks.recent().size(), "only the block still held is reported");
        assertEquals(128, leaks.recent().get(0).handle().sizeBytes());
        assertEquals(ResourceErrors.POOL_CLOSED, held.release().errorOrNull().code());
    }

    @Test
    void aSingleThreadPoolCountsLikeAThreadSafeOne() {
        BlockPool pool = pool(64, 2, 4, 8, false);
        PoolBlock first = pool.acquire().orElseThrow();
        pool.acquire().orElseThrow();
        first.release();
        assertSame(first, pool.acquire().orElseThrow());
        pool.acquire().orElseThrow();
        PoolStats stats = pool.stats();
        assertEquals(3, stats.usedBlocks());
        assertEquals(3, stats.highWaterBlocks());
        assertEquals(3, stats.hits());
        assertEquals(1, stats.misses());
        assertEquals(4, stats.totalBlocks());
    }
}
