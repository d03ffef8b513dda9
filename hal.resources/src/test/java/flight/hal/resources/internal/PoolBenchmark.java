package flight.hal.resources.internal;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import flight.hal.resources.PoolBlock;
import flight.hal.resources.PoolConfig;
import flight.hal.resources.ResourceType;

/**
 * One block acquired and released again: the resource manager's pool (lock-free free list, pre-made results) against
 * pools of the same direct-buffer blocks kept in an {@link ArrayBlockingQueue} (one lock) and a
 * {@link ConcurrentLinkedQueue} (lock-free, a node allocated per release).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PoolBenchmark {
    static final int BLOCKS = 64;
    static final int BLOCK_SIZE = 256;

    @Param({"flight", "arrayBlockingQueue", "concurrentLinkedQueue"})
    public String pool;

    private BlockSource source;

    /** What the benchmark needs of a pool. */
    interface BlockSource {
        Object acquire();

        void release(Object block);
    }

    @Setup
    public void makePool() {
        source = switch (pool) {
            case "flight" -> flightPool();
            case "arrayBlockingQueue" -> queuePool(new ArrayBlockingQueue<>(BLOCKS));
            case "concurrentLinkedQueue" -> queuePool(new ConcurrentLinkedQueue<>());
            default -> throw new IllegalArgumentException("unknown pool " + pool);
        };
    }

    @Benchmark
    public Object acquireAndRelease() {
        Object block = source.acquire();
        source.release(block);
        return block;
    }

    private static BlockSource flightPool() {
        Ledger ledger = new Ledger(new Reclaimers(), (type, pressure, stats) -> { });
        BundleAccount owner = new BundleAccount(1, "benchmark");
        new Budgets(ledger).open(owner);
        BlockPool blocks = BlockPool.create(1, new PoolConfig(ResourceType.MEMORY, BLOCK_SIZE, BLOCKS, BLOCKS, 64,
                true, "benchmark"), owner, ledger, new LeakLog()).orElseThrow();
        return new BlockSource() {
            @Override
            public Object acquire() {
                return blocks.acquire().orElseThrow();
            }

            @Override
            public void release(Object block) {
                ((PoolBlock) block).release();
            }
        };
    }

    private static BlockSource queuePool(Queue<ByteBuffer> free) {
        ByteBuffer slab = ByteBuffer.allocateDirect(BLOCKS * BLOCK_SIZE);
        for (int i = 0; i < BLOCKS; i++) {
            free.add(slab.slice(i * BLOCK_SIZE, BLOCK_SIZE));
        }
        return new BlockSource() {
            @Override
            public Object acquire() {
                return free.poll();
            }

            @Override
            public void release(Object block) {
                ByteBuffer buffer = (ByteBuffer) block;
                buffer.clear();
                free.offer(buffer);
            }
        };
    }
}
