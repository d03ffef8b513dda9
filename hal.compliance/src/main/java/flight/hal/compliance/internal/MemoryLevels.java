package flight.hal.compliance.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.compliance.Measurement;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.shell.format.Sizes;

/** The memory service levels beyond latency and efficiency: throughput (hosts) and GC-friendly churn (the Web). */
final class MemoryLevels {
    private static final long BUFFER_BYTES = 1024 * 1024;
    private static final int MOST_BUFFERS = 8;
    private static final long THROUGHPUT_NANOS = 250_000_000L;
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int CHURN_ALLOCATIONS = 50_000;
    private static final int CHURN_LIVE = 64;
    /** The collectors are read after every this many allocations, so most readings span at most one collection. */
    private static final int CHURN_POLL = 64;

    private MemoryLevels() {
    }

    /**
     * Bytes written and read back through allocated buffers per second: up to 8 buffers of 1 MiB (capped by the
     * largest allocation) are each filled and read back in 64 KiB bulk copies, again and again for a quarter second.
     */
    static Outcome throughput(MemoryDriver memory, Sla sla) {
        long size = Math.min(BUFFER_BYTES, memory.maxAllocationSize());
        List<MemoryAllocation> buffers = new ArrayList<>();
        try {
            for (int i = 0; i < MOST_BUFFERS; i++) {
                HalResult<MemoryAllocation> result = memory.allocate(AllocationRequest.of(size));
                if (!buffers.isEmpty() && result != null && result.isErr()
                        && result.errorOrNull().category() == ErrorCategory.OUT_OF_MEMORY) {
                    break; // a small driver: measure through what it gave
                }
                buffers.add(Expect.ok(result, "allocate(" + size + " bytes)"));
            }
            byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, size)];
            long moved = 0;
            long start = System.nanoTime();
            long elapsed;
            int pass = 0;
            do {
                byte mark = (byte) ++pass;
                Arrays.fill(chunk, mark);
                for (MemoryAllocation allocation : buffers) {
                    moved += writeAndRead(allocation.buffer(), chunk);
                    Expect.that(chunk[chunk.length - 1] == mark, "a buffer did not read back what was written");
                }
                elapsed = System.nanoTime() - start;
            } while (elapsed < THROUGHPUT_NANOS);
            Expect.that(moved > 0, "no byte was moved");
            double gbps = moved / (elapsed / 1e9) / 1e9;
            return Outcome.measured(gbps > sla.minThroughputGbps(), String.format(Locale.ROOT,
                    "%s written and read back through %d allocations of %s in %.0f ms", Sizes.of(moved),
                    buffers.size(), Sizes.of(size), elapsed / 1e6), new Measurement(gbps, "GB/s", sla.throughputRequirement(),
                    true));
        } finally {
            buffers.forEach(allocation -> memory.deallocate(allocation.handle()));
        }
    }

    /** Fills {@code buffer} with {@code chunk} and reads it back into {@code chunk}; the bytes moved. */
    private static long writeAndRead(ByteBuffer buffer, byte[] chunk) {
        int capacity = buffer.capacity();
        for (int index = 0; index < capacity; index += chunk.length) {
            buffer.put(index, chunk, 0, Math.min(chunk.length, capacity - index));
        }
        for (int index = 0; index < capacity; index += chunk.length) {
            buffer.get(index, chunk, 0, Math.min(chunk.length, capacity - index));
        }
        return 2L * capacity;
    }

    /**
     * GC-friendly patterns: 50,000 allocations of 64 B to 4 KiB, 64 live at a time like a game's per-frame objects,
     * while the JVM's garbage collectors (GarbageCollectorMXBean) are read every 64 allocations. The figure is the
     * longest pause seen: the collection time between two readings divided by the collections in it.
     */
    static Outcome gcFriendly(MemoryDriver memory, Sla sla) {
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        Deque<MemoryAllocation> live = new ArrayDeque<>();
        long[] last = gcReading(collectors);
        long collections = 0;
        double longest = 0;
        try {
            for (int i = 0; i < CHURN_ALLOCATIONS; i++) {
                long size = 64L << (i % 7);
                MemoryAllocation allocation = Expect.ok(memory.allocate(AllocationRequest.of(size)),
                        "allocate(" + size + " bytes) during churn");
                allocation.buffer().put(0, (byte) i);
                live.addLast(allocation);
                if (live.size() > CHURN_LIVE) {
                    Expect.ok(memory.deallocate(live.removeFirst().handle()), "deallocate() during churn");
                }
                if (i % CHURN_POLL == CHURN_POLL - 1) {
                    long[] now = gcReading(collectors);
                    if (now[0] > last[0]) {
                        collections += now[0] - last[0];
                        longest = Math.max(longest, (double) (now[1] - last[1]) / (now[0] - last[0]));
                    }
                    last = now;
                }
            }
        } finally {
            live.forEach(allocation -> memory.deallocate(allocation.handle()));
        }
        String requirement = sla.gcPauseRequirement();
        return Outcome.measured(longest < sla.maxGcPauseMillis(), String.format(Locale.ROOT,
                "%d allocations of 64 B to 4 KiB, %d live at a time: %d collections ran, the longest pause %.1f ms",
                CHURN_ALLOCATIONS, CHURN_LIVE, collections, longest), new Measurement(longest, "ms", requirement,
                true));
    }

    /** Collections so far and their milliseconds, summed over the collectors that report them. */
    private static long[] gcReading(List<GarbageCollectorMXBean> collectors) {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }
}
