package flight.hal.compliance.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.compliance.Measurement;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryStats;

/** Memory checks under load: allocation latency against the platform's service level, concurrent use. */
final class MemoryLoad {
    /** Calls before the timed ones, so that the figure is the driver's and not the JIT's or its first growth. */
    private static final int WARM_UP = 2_000;
    /** Enough that the 99.9th percentile is the 20th slowest call, not one or two outliers. */
    static final int SAMPLES = 20_000;
    private static final int THREADS = 4;
    private static final int ROUNDS = 250;

    private MemoryLoad() {
    }

    /** The 99.9th percentile of the time allocate() takes for 64 B to 4 KiB, each released before the next. */
    static Outcome latency(MemoryDriver memory, Sla sla) {
        for (int i = 0; i < WARM_UP; i++) {
            allocateAndRelease(memory, i, null);
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            allocateAndRelease(memory, i, nanos);
        }
        return judgeLatency(nanos, sla);
    }

    /** The 99.9th percentile of {@code nanos}, one timed allocation each, against the platform's latency level. */
    static Outcome judgeLatency(long[] nanos, Sla sla) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p999 = sorted[(int) Math.ceil(sorted.length * 0.999) - 1] / 1e6;
        double max = sorted[sorted.length - 1] / 1e6;
        return Outcome.measured(p999 < sla.latencyMillis(), String.format(Locale.ROOT,
                "99.9th percentile of %d allocations of 64 B to 4 KiB: %.4f ms (slowest %.3f ms)", sorted.length, p999,
                max), new Measurement(p999, "ms", "< " + MemoryStress.format(sla.latencyMillis()) + " ms", true));
    }

    private static void allocateAndRelease(MemoryDriver memory, int index, long[] nanos) {
        AllocationRequest request = AllocationRequest.of(64L << (index % 7));
        long start = System.nanoTime();
        HalResult<MemoryAllocation> result = memory.allocate(request);
        long took = System.nanoTime() - start;
        MemoryAllocation allocation = Expect.ok(result, "allocate(" + request.size() + " bytes)");
        if (nanos != null) {
            nanos[index] = took;
        }
        Expect.ok(memory.deallocate(allocation.handle()), "deallocate()");
    }

    static Outcome concurrency(MemoryDriver memory) throws Exception {
        MemoryStats before = Expect.ok(memory.stats(), "stats()");
        AtomicLong made = new AtomicLong();
        String unfinished = Concurrently.run(THREADS, thread -> {
            for (int round = 0; round < ROUNDS; round++) {
                made.addAndGet(round(memory, thread, round) ? 1 : 0);
            }
        });
        if (unfinished != null) {
            return Outcome.fail(unfinished);
        }
        if (made.get() == 0) {
            return Outcome.fail("all " + THREADS * ROUNDS + " allocations were refused for lack of memory: nothing was"
                    + " allocated concurrently");
        }
        MemoryStats after = Expect.ok(memory.stats(), "stats()");
        Expect.that(after.activeAllocations() == before.activeAllocations() && after.usedBytes() == before.usedBytes(),
                "after every thread released what it allocated the accounting is " + after + ", it was " + before);
        return Outcome.pass(THREADS + " threads x " + ROUNDS + " rounds of allocate, fill, verify, release (" + made
                + " allocated, the rest refused for lack of memory): no error, no block shared, accounting back where"
                + " it was");
    }

    /** Long-running stability: the rounds of one thread, again and again for the soak's length. */
    static Outcome soak(MemoryDriver memory, Duration length) throws Exception {
        MemoryStats before = Expect.ok(memory.stats(), "stats()");
        AtomicLong made = new AtomicLong();
        long rounds = Soak.run(length, round -> made.addAndGet(round(memory, 0, (int) round) ? 1 : 0));
        if (made.get() == 0) {
            return Outcome.fail("all " + rounds + " allocations of the soak were refused for lack of memory: nothing"
                    + " was exercised");
        }
        MemoryStats after = Expect.ok(memory.stats(), "stats()");
        Expect.that(after.activeAllocations() == before.activeAllocations() && after.usedBytes() == before.usedBytes(),
                "after the soak the accounting is " + after + ", it was " + before);
        return Outcome.pass(String.format(Locale.ROOT, "%s: %d rounds of allocate, fill, verify, release (%d"
                + " allocated): no error, no block shared, accounting back where it was", Soak.length(length), rounds,
                made.get()));
    }

    /**
     * One round of a thread: an allocation of 64 B to 8 KiB that must hold the thread's bytes until it is released.
     *
     * @return whether the allocation was made; false when refused for lack of memory
     */
    private static boolean round(MemoryDriver memory, int thread, int round) {
        long size = Math.min(memory.maxAllocationSize(), 64L << ((thread + round) % 8));
        HalResult<MemoryAllocation> result = memory.allocate(AllocationRequest.of(size));
        if (result != null && result.isErr() && result.errorOrNull().category() == ErrorCategory.OUT_OF_MEMORY) {
            return false;
        }
        MemoryAllocation allocation = Expect.ok(result, "allocate(" + size + " bytes) on thread " + thread);
        ByteBuffer buffer = allocation.buffer();
        byte mark = (byte) (thread * 64 + round);
        for (int i = 0; i < buffer.capacity(); i++) {
            buffer.put(i, mark);
        }
        for (int i = 0; i < buffer.capacity(); i++) {
            Expect.that(buffer.get(i) == mark, "thread " + thread + " found another thread's byte in its block");
        }
        Expect.ok(memory.deallocate(allocation.handle()), "deallocate() on thread " + thread);
        return true;
    }
}
