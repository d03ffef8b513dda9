package flight.hal.resources.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import flight.hal.resources.PoolBlock;
import flight.hal.resources.PoolConfig;
import flight.hal.resources.ResourceType;

/**
 * Pool churn: every benchmark thread holds {@value #LIVE} blocks in a ring, and each operation releases the oldest
 * and acquires a new one. The pools: {@code flight}, the resource manager's thread-safe pool (per-thread magazines in
 * front of a lock-free free list); {@code netty.pooled}, Netty's {@link PooledByteBufAllocator} with its default
 * settings, direct buffers of exactly the block size ({@code directBuffer(size, size)} and {@code release()}); and
 * {@code thread.deque}, the floor: an {@link ArrayDeque} per thread of direct-buffer blocks made in advance, with no
 * sharing, accounting or checks. Run at 1 and at 2 threads; at 64 KiB the blocks live at once take 1 GiB of direct
 * memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:MaxDirectMemorySize=3g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PoolBenchmark {
    /** Blocks each thread holds at once. */
    static final int LIVE = 8192;
    /** The most benchmark threads: the shared pools are made for that many rings. */
    static final int THREADS = 2;

    @Param({"flight", "netty.pooled", "thread.deque"})
    public String pool;

    @Param({"256", "4096", "65536"})
    public int blockSize;

    private BlockSource shared;

    /** What the benchmark needs of a pool. */
    interface BlockSource {
        Object acquire();

        void release(Object block);
    }

    @Setup
    public void makePool() {
        shared = switch (pool) {
            case "flight" -> flightPool(blockSize);
            case "netty.pooled" -> nettyPool(blockSize);
            case "thread.deque" -> null;
            default -> throw new IllegalArgumentException("unknown pool " + pool);
        };
    }

    /** One thread's {@value #LIVE} live blocks, oldest first from {@code next}, and the source they come from. */
    @State(Scope.Thread)
    public static class Ring {
        private final Object[] blocks = new Object[LIVE];
        private BlockSource source;
        private int next;

        @Setup
        public void fill(PoolBenchmark benchmark) {
            source = benchmark.shared != null ? benchmark.shared : threadDeque(benchmark.blockSize);
            for (int i = 0; i < LIVE; i++) {
                blocks[i] = source.acquire();
            }
        }

        @TearDown
        public void empty() {
            for (Object block : blocks) {
                source.release(block);
            }
        }

        Object churn() {
            source.release(blocks[next]);
            Object block = source.acquire();
            blocks[next] = block;
            next = (next + 1) & (LIVE - 1);
            return block;
        }
    }

    @Benchmark
    @Threads(1)
    public Object oneThread(Ring ring) {
        return ring.churn();
    }

    @Benchmark
    @Threads(THREADS)
    public Object twoThreads(Ring ring) {
        return ring.churn();
    }

    private static BlockSource flightPool(int blockSize) {
        Ledger ledger = new Ledger(new Reclaimers(), (type, pressure, stats) -> { });
        BundleAccount owner = new BundleAccount(1, "benchmark");
        new Budgets(ledger).open(owner);
        int blocks = THREADS * LIVE;
        BlockPool pool = BlockPool.create(1, new PoolConfig(ResourceType.MEMORY, blockSize, blocks, blocks + LIVE / 8,
                64, true, "benchmark"), owner, ledger, new LeakLog(new ManagerEvents(() -> null))).orElseThrow();
        return new BlockSource() {
            @Override
            public Object acquire() {
                return pool.acquire().orElseThrow();
            }

            @Override
            public void release(Object block) {
                ((PoolBlock) block).release();
            }
        };
    }

    private static BlockSource nettyPool(int blockSize) {
        PooledByteBufAllocator allocator = new PooledByteBufAllocator(true);
        return new BlockSource() {
            @Override
            public Object acquire() {
                return allocator.directBuffer(blockSize, blockSize);
            }

            @Override
            public void release(Object block) {
                ((ByteBuf) block).release();
            }
        };
    }

    private static BlockSource threadDeque(int blockSize) {
        ArrayDeque<ByteBuffer> free = new ArrayDeque<>(LIVE);
        ByteBuffer slab = ByteBuffer.allocateDirect(LIVE * blockSize);
        for (int i = 0; i < LIVE; i++) {
            free.push(slab.slice(i * blockSize, blockSize));
        }
        return new BlockSource() {
            @Override
            public Object acquire() {
                return free.pop();
            }

            @Override
            public void release(Object block) {
                ByteBuffer buffer = (ByteBuffer) block;
                buffer.clear();
                free.push(buffer);
            }
        };
    }
}
