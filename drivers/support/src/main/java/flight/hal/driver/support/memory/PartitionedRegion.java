package flight.hal.driver.support.memory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import flight.hal.LiveObjects;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

/**
 * One initialization's memory: the off-heap region, its partitions and the live allocations, all guarded by this
 * object's monitor. Statistics count from the moment the region was reserved.
 */
final class PartitionedRegion {

    /** A block of a partition: where it lies, and the alignment it was taken with. */
    record Block(Partition partition, long offset, long size, int alignment) {
    }

    /** A live allocation, its block, and the memory type it was requested as (reallocation asks for it again). */
    record Live(MemoryAllocation allocation, Block block, MemoryType requestedType) {
    }

    /** An allocation another driver made, as the request this driver would serve it by, with the partitions to try. */
    record Adoption(MemoryAllocation allocation, AllocationRequest request, List<Partition> route) {
    }

    private final MemoryLayout layout;
    private final ByteBuffer region;
    private final List<Partition> partitions = new ArrayList<>();
    private final Map<Long, Live> live = new HashMap<>();
    private long usedBytes;
    private long peakUsedBytes;
    private long allocations;
    private long releases;
    /** The sum of the live allocations' sizes: what {@link #liveObjects()} reports. */
    private long liveBytes;
    private boolean gcHintDue;

    /**
     * Reserves the region: direct memory, zero-filled by the JVM, sliced so that its first byte is page aligned.
     *
     * @throws OutOfMemoryError when the JVM's direct memory cannot hold the region
     */
    PartitionedRegion(MemoryLayout layout) {
        this.layout = layout;
        ByteBuffer raw = ByteBuffer.allocateDirect((int) layout.regionBytes() + MemoryLayout.MAX_ALIGNMENT);
        int misalignment = raw.alignmentOffset(0, MemoryLayout.MAX_ALIGNMENT);
        int start = misalignment == 0 ? 0 : MemoryLayout.MAX_ALIGNMENT - misalignment;
        region = raw.slice(start, (int) layout.regionBytes());
        layout.partitions().forEach(spec -> partitions.add(new Partition(spec)));
    }

    /**
     * The partitions a request tries, in order: those preferred for one of its flags, those serving its type, those
     * that are a fallback for one of its flags. Empty when no partition serves its type.
     */
    List<Partition> route(AllocationRequest request) {
        List<Partition> serving =
                partitions.stream().filter(partition -> partition.spec.serves().contains(request.type())).toList();
        if (serving.isEmpty()) {
            return serving;
        }
        List<Partition> route = new ArrayList<>();
        partitions.stream().filter(partition -> partition.spec.preferredFor() != null
                && request.has(partition.spec.preferredFor())).forEach(route::add);
        serving.stream().filter(partition -> !route.contains(partition)).forEach(route::add);
        partitions.stream().filter(partition -> partition.spec.fallbackFor() != null
                && request.has(partition.spec.fallbackFor()) && !route.contains(partition)).forEach(route::add);
        return route;
    }

    /** Places the request in the first partition of {@code route} with room; null when none has. */
    synchronized Live place(long handle, AllocationRequest request, List<Partition> route) {
        Block block = take(request, route);
        if (block == null) {
            return null;
        }
        Partition partition = block.partition();
        MemoryType type = partition.spec.serves().contains(request.type()) ? request.type() : partition.spec.type();
        MemoryAllocation allocation = new MemoryAllocation(handle,
                region.slice((int) block.offset(), (int) request.size()), request.size(), block.alignment(),
                request.flags(), type);
        return keep(new Live(allocation, block, request.type()));
    }

    /**
     * Takes a block for every adopted allocation, all or none. The allocations keep their own buffers: their blocks
     * only account for them, so that this region holds no more than it could have allocated.
     *
     * @return null when all were adopted, else the first one no partition of its route had room for (nothing changed)
     */
    synchronized Adoption adopt(List<Adoption> adoptions) {
        List<Partition.Saved> saved = partitions.stream().map(Partition::save).toList();
        List<Live> adopted = new ArrayList<>();
        for (Adoption adoption : adoptions) {
            Block block = take(adoption.request(), adoption.route());
            if (block == null) {
                for (int index = 0; index < partitions.size(); index++) {
                    partitions.get(index).restore(saved.get(index));
                }
                return adoption;
            }
            adopted.add(new Live(adoption.allocation(), block, adoption.request().type()));
        }
        adopted.forEach(this::keep);
        return null;
    }

    private Block take(AllocationRequest request, List<Partition> route) {
        for (Partition partition : route) {
            long size = partition.blockSize(request.size());
            int alignment = partition.alignmentFor(request.alignment());
            long offset = partition.take(size, alignment);
            if (offset >= 0) {
                return new Block(partition, offset, size, alignment);
            }
        }
        return null;
    }

    private Live keep(Live kept) {
        live.put(kept.allocation().handle(), kept);
        liveBytes += kept.allocation().size();
        account(kept.block().size());
        return kept;
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
            Block block = released.block();
            block.partition().give(block.offset(), block.size());
            usedBytes -= block.size();
            liveBytes -= released.allocation().size();
            releases++;
        }
        return released;
    }

    /** Releases every live allocation; what was released. */
    synchronized LiveObjects releaseAll() {
        LiveObjects released = liveObjects();
        List.copyOf(live.keySet()).forEach(this::release);
        return released;
    }

    /**
     * Forgets every live allocation without releasing its block: another driver adopted it and its clients still use
     * these bytes of the region, which no later allocation may be handed. The region goes with shutdown.
     */
    synchronized void forget() {
        live.clear();
        liveBytes = 0;
    }

    /** The live allocations. */
    synchronized List<MemoryAllocation> allocations() {
        return live.values().stream().map(Live::allocation).toList();
    }

    synchronized LiveObjects liveObjects() {
        return new LiveObjects(live.size(), liveBytes);
    }

    synchronized Live get(long handle) {
        return live.get(handle);
    }

    /** Accounting over all partitions; the largest free block is the largest any partition could hand out. */
    synchronized MemoryStats stats() {
        long total = 0;
        long largest = 0;
        for (Partition partition : partitions) {
            total += partition.spec.capacity();
            largest = Math.max(largest, partition.largestFreeRun());
        }
        return new MemoryStats(total, usedBytes, total - usedBytes, peakUsedBytes, live.size(), allocations,
                releases, Math.min(largest, layout.maxAllocation()));
    }

    /**
     * The accounting of the partition that is memory of {@code type}, else of the partition serving it; null when none
     * does.
     */
    synchronized MemoryStats stats(MemoryType type) {
        Partition partition = partitions.stream().filter(candidate -> candidate.spec.type() == type).findFirst()
                .orElseGet(() -> partitions.stream().filter(candidate -> candidate.spec.serves().contains(type))
                        .findFirst().orElse(null));
        return partition == null ? null : partition.stats(layout.maxAllocation());
    }

    /** The state of the partitions of {@code route}, for an out-of-memory message. */
    synchronized String describe(List<Partition> route) {
        return route.stream().map(Partition::describe).collect(Collectors.joining("; "));
    }
}
