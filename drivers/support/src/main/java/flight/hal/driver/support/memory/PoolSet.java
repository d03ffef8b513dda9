package flight.hal.driver.support.memory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

/**
 * One initialization's memory: the off-heap region, its pools and the live allocations, all guarded by this
 * object's monitor. Statistics count from the moment the region was reserved.
 */
final class PoolSet {

    /** A live allocation and where its block lies. */
    record Live(MemoryAllocation allocation, BlockPool pool, long offset, long blockSize, MemoryType requestedType) {
    }

    private final MemoryLayout layout;
    private final ByteBuffer region;
    private final List<BlockPool> pools = new ArrayList<>();
    private final Map<Long, Live> live = new HashMap<>();
    private long usedBytes;
    private long peakUsedBytes;
    private long allocations;
    private long releases;
    private boolean gcHintDue;

    /**
     * Reserves the region: direct memory, zero-filled by the JVM, sliced so that its first byte is page aligned.
     *
     * @throws OutOfMemoryError when the JVM's direct memory cannot hold the region
     */
    PoolSet(MemoryLayout layout) {
        this.layout = layout;
        ByteBuffer raw = ByteBuffer.allocateDirect((int) layout.regionBytes() + MemoryLayout.MAX_ALIGNMENT);
        int misalignment = raw.alignmentOffset(0, MemoryLayout.MAX_ALIGNMENT);
        int start = misalignment == 0 ? 0 : MemoryLayout.MAX_ALIGNMENT - misalignment;
        region = raw.slice(start, (int) layout.regionBytes());
        layout.pools().forEach(spec -> pools.add(new BlockPool(spec)));
    }

    /**
     * The pools a request tries, in order: those preferred for one of its flags, those serving its type, those that
     * are a fallback for one of its flags. Empty when no pool serves its type.
     */
    List<BlockPool> route(AllocationRequest request) {
        List<BlockPool> serving = pools.stream().filter(pool -> pool.spec.serves().contains(request.type())).toList();
        if (serving.isEmpty()) {
            return serving;
        }
        List<BlockPool> route = new ArrayList<>();
        pools.stream().filter(pool -> pool.spec.preferredFor() != null && request.has(pool.spec.preferredFor()))
                .forEach(route::add);
        serving.stream().filter(pool -> !route.contains(pool)).forEach(route::add);
        pools.stream().filter(pool -> pool.spec.fallbackFor() != null && request.has(pool.spec.fallbackFor())
                && !route.contains(pool)).forEach(route::add);
        return route;
    }

    /** Places the request in the first pool of {@code route} with room; null when none has. */
    synchronized Live place(long handle, AllocationRequest request, List<BlockPool> route) {
        for (BlockPool pool : route) {
            long blockSize = pool.blockSize(request.size());
            int alignment = pool.alignmentFor(request.alignment());
            long offset = pool.take(blockSize, alignment);
            if (offset >= 0) {
                MemoryType type = pool.spec.serves().contains(request.type()) ? request.type() : pool.spec.type();
                MemoryAllocation allocation = new MemoryAllocation(handle,
                        region.slice((int) offset, (int) request.size()), request.size(), alignment,
                        request.flags(), type);
                Live placed = new Live(allocation, pool, offset, blockSize, request.type());
                live.put(handle, placed);
                account(blockSize);
                return placed;
            }
        }
        return null;
    }

    private void account(long blockSize) {
        long before = usedBytes;
        usedBytes += blockSize;
        peakUsedBytes = Math.max(peakUsedBytes, usedBytes);
        allocations++;
        long threshold = layout.gcHintBytes();
        if (threshold > 0 && before <= threshold && usedBytes > threshold) {
            gcHintDue = true;
        }
    }

    /** Whether usage crossed the GC hint threshold since the last call. */
    synchronized boolean takeGcHint() {
        boolean due = gcHintDue;
        gcHintDue = false;
        return due;
    }

    /** Releases the allocation named {@code handle}; null when it is not live. */
    synchronized Live release(long handle) {
        Live released = live.remove(handle);
        if (released != null) {
            released.pool().give(released.offset(), released.blockSize());
            usedBytes -= released.blockSize();
            releases++;
        }
        return released;
    }

    synchronized Live get(long handle) {
        return live.get(handle);
    }

    synchronized int liveCount() {
        return live.size();
    }

    synchronized long usedBytes() {
        return usedBytes;
    }

    /** Accounting over all pools; the largest free block is the largest any pool could hand out. */
    synchronized MemoryStats stats() {
        long total = 0;
        long largest = 0;
        for (BlockPool pool : pools) {
            total += pool.spec.capacity();
            largest = Math.max(largest, pool.largestFreeRun());
        }
        return new MemoryStats(total, usedBytes, total - usedBytes, peakUsedBytes, live.size(), allocations,
                releases, Math.min(largest, layout.maxAllocation()));
    }

    /** The accounting of the pool that is memory of {@code type}, else of the pool serving it; null when none does. */
    synchronized MemoryStats stats(MemoryType type) {
        BlockPool pool = pools.stream().filter(candidate -> candidate.spec.type() == type).findFirst()
                .orElseGet(() -> pools.stream().filter(candidate -> candidate.spec.serves().contains(type))
                        .findFirst().orElse(null));
        return pool == null ? null : pool.stats(layout.maxAllocation());
    }

    /** The state of the pools of {@code route}, for an out-of-memory message. */
    synchronized String describe(List<BlockPool> route) {
        return route.stream().map(BlockPool::describe).collect(Collectors.joining("; "));
    }
}
