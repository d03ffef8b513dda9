package flight.hal.driver.support.memory;

import java.util.Map;
import java.util.TreeMap;

import flight.hal.memory.MemoryStats;

/**
 * The blocks of one partition: first fit over free runs ordered by offset, coalesced on every release, so free memory
 * stays as contiguous as the live blocks allow. Offsets are region offsets; the region is page aligned, so an offset
 * that is a multiple of an alignment (up to a page) is an address with that alignment. Not thread-safe: its
 * {@link PartitionedRegion} guards it.
 */
final class Partition {
    final PartitionSpec spec;
    /** Free runs: offset to length. */
    private final TreeMap<Long, Long> free = new TreeMap<>();
    private long usedBytes;
    private long peakUsedBytes;
    private long liveBlocks;
    private long allocations;
    private long releases;

    Partition(PartitionSpec spec) {
        this.spec = spec;
        free.put(spec.offset(), spec.capacity());
    }

    /** The block a request of {@code size} bytes takes: whole alignment units, at least the minimum block. */
    long blockSize(long size) {
        long units = (size + spec.alignment() - 1) / spec.alignment();
        return Math.max(spec.minBlock(), units * spec.alignment());
    }

    /**
     * Alignment of the blocks handed out for a request asking {@code requested}: the larger of it and the partition's.
     */
    int alignmentFor(int requested) {
        return Math.max(requested, spec.alignment());
    }

    /**
     * Takes a block of {@code blockSize} bytes aligned to {@code alignment}; returns its offset, or -1 when none fits.
     */
    long take(long blockSize, int alignment) {
        for (Map.Entry<Long, Long> run : free.entrySet()) {
            long runStart = run.getKey();
            long runEnd = runStart + run.getValue();
            long start = (runStart + alignment - 1) / alignment * alignment;
            if (start + blockSize <= runEnd) {
                free.remove(runStart);
                if (start > runStart) {
                    free.put(runStart, start - runStart);
                }
                if (start + blockSize < runEnd) {
                    free.put(start + blockSize, runEnd - start - blockSize);
                }
                usedBytes += blockSize;
                peakUsedBytes = Math.max(peakUsedBytes, usedBytes);
                liveBlocks++;
                allocations++;
                return start;
            }
        }
        return -1;
    }

    /** Returns a block taken by {@link #take}, merging it with the free runs on either side. */
    void give(long offset, long blockSize) {
        long start = offset;
        long length = blockSize;
        Map.Entry<Long, Long> before = free.floorEntry(offset);
        if (before != null && before.getKey() + before.getValue() == offset) {
            start = before.getKey();
            length += before.getValue();
            free.remove(start);
        }
        Long after = free.get(offset + blockSize);
        if (after != null) {
            free.remove(offset + blockSize);
            length += after;
        }
        free.put(start, length);
        usedBytes -= blockSize;
        liveBlocks--;
        releases++;
    }

    /** The partition as it is now, for {@link #restore}. */
    Saved save() {
        return new Saved(new TreeMap<>(free), usedBytes, peakUsedBytes, liveBlocks, allocations, releases);
    }

    /**
     * Puts the partition back as it was when {@code saved}: blocks taken since are free again and were never counted.
     */
    void restore(Saved saved) {
        free.clear();
        free.putAll(saved.free());
        usedBytes = saved.usedBytes();
        peakUsedBytes = saved.peakUsedBytes();
        liveBlocks = saved.liveBlocks();
        allocations = saved.allocations();
        releases = saved.releases();
    }

    /** A partition's free runs and counters at one moment. */
    record Saved(TreeMap<Long, Long> free, long usedBytes, long peakUsedBytes, long liveBlocks, long allocations,
                 long releases) {
    }

    /** The longest free run. */
    long largestFreeRun() {
        long largest = 0;
        for (long length : free.values()) {
            largest = Math.max(largest, length);
        }
        return largest;
    }

    /** The partition's accounting; the largest free block is capped at {@code maxAllocation}. */
    MemoryStats stats(long maxAllocation) {
        return new MemoryStats(spec.capacity(), usedBytes, spec.capacity() - usedBytes, peakUsedBytes, liveBlocks,
                allocations, releases, Math.min(largestFreeRun(), maxAllocation));
    }

    /** {@code "main 13418496 bytes, 4096 free, largest free block 4096"}. */
    String describe() {
        return spec.name() + " partition of " + spec.capacity() + " bytes, " + (spec.capacity() - usedBytes)
                + " free, largest free block " + largestFreeRun();
    }
}
