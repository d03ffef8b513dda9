package flight.hal.driver.host.internal.memory;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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

import flight.hal.memory.AllocationRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Allocation churn: each thread holds a ring of {@value #LIVE} live buffers of {@code size} bytes and, per operation,
 * frees the oldest and allocates one in its place. The variants of {@code allocator}:
 * <ul>
 * <li>{@code host.memory}: the driver, activated and initialized as its unit tests do,
 *     {@code allocate(AllocationRequest)} and {@code deallocate(handle)};</li>
 * <li>{@code netty.pooled}: Netty's {@link PooledByteBufAllocator} with its default settings, direct buffers
 *     ({@code directBuffer(size, size)} and {@code release()});</li>
 * <li>{@code allocateDirect}: one {@code ByteBuffer.allocateDirect} per request, dropped on release (what
 *     {@code host.memory} did before): the JDK's direct-memory limit then forces full {@code System.gc()}
 *     collections, which {@code -prof gc} counts.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:MaxDirectMemorySize=2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HostMemoryBenchmark {
    static final int LIVE = 8192;
    private static final int HOST = 0;
    private static final int NETTY = 1;
    private static final int DIRECT = 2;

    @Param({"host.memory", "netty.pooled", "allocateDirect"})
    public String allocator;

    @Param({"256", "4096", "65536"})
    public int size;

    /** {@code allocator} as a number, so that the churn does not compare strings. */
    private int kind;
    private HostMemoryDriver driver;
    private PooledByteBufAllocator netty;
    private AllocationRequest request;

    @Setup
    public void makeAllocator() {
        request = AllocationRequest.of(size);
        kind = switch (allocator) {
            case "host.memory" -> HOST;
            case "netty.pooled" -> NETTY;
            case "allocateDirect" -> DIRECT;
            default -> throw new IllegalArgumentException("unknown allocator " + allocator);
        };
        switch (kind) {
            case HOST -> {
                driver = new HostMemoryDriver();
                driver.configure(Map.of("service.ranking", 10));
                driver.initialize().orElseThrow();
            }
            case NETTY -> netty = new PooledByteBufAllocator(true);
            default -> { }
        }
    }

    /** One thread's live buffers, oldest at {@code next}. */
    @State(Scope.Thread)
    public static class Ring {
        private final long[] handles = new long[LIVE];
        private final ByteBuf[] nettyBuffers = new ByteBuf[LIVE];
        private final ByteBuffer[] directBuffers = new ByteBuffer[LIVE];
        private int next;

        @Setup(Level.Trial)
        public void fill(HostMemoryBenchmark benchmark) {
            for (int i = 0; i < LIVE; i++) {
                benchmark.allocate(this, i);
            }
        }

        @TearDown(Level.Trial)
        public void empty(HostMemoryBenchmark benchmark) {
            for (int i = 0; i < LIVE; i++) {
                benchmark.free(this, i);
            }
        }
    }

    @Benchmark
    @Threads(1)
    public int oneThread(Ring ring) {
        return churn(ring);
    }

    @Benchmark
    @Threads(2)
    public int twoThreads(Ring ring) {
        return churn(ring);
    }

    private int churn(Ring ring) {
        int oldest = ring.next;
        ring.next = (oldest + 1) & (LIVE - 1);
        free(ring, oldest);
        allocate(ring, oldest);
        return oldest;
    }

    private void allocate(Ring ring, int at) {
        switch (kind) {
            case HOST -> ring.handles[at] = driver.allocate(request).valueOrNull().handle();
            case NETTY -> ring.nettyBuffers[at] = netty.directBuffer(size, size);
            default -> ring.directBuffers[at] = ByteBuffer.allocateDirect(size);
        }
    }

    private void free(Ring ring, int at) {
        switch (kind) {
            case HOST -> driver.deallocate(ring.handles[at]);
            case NETTY -> ring.nettyBuffers[at].release();
            default -> ring.directBuffers[at] = null;
        }
    }
}
