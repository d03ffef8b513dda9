package flight.hal.memory;

/**
 * A memory driver's accounting at one moment.
 *
 * @param totalBytes          bytes the driver manages (or may hand out)
 * @param usedBytes           bytes currently allocated
 * @param freeBytes           bytes still available
 * @param peakUsedBytes       highest {@code usedBytes} since initialization
 * @param activeAllocations   allocations not yet released
 * @param totalAllocations    allocations made since initialization
 * @param totalDeallocations  allocations released since initialization
 * @param largestFreeBlock    the largest single allocation that could succeed now
 */
public record MemoryStats(long totalBytes, long usedBytes, long freeBytes, long peakUsedBytes, long activeAllocations,
                          long totalAllocations, long totalDeallocations, long largestFreeBlock) {

    /** Share of the free memory that cannot be had in one block: 0 when the free memory is contiguous. */
    public double fragmentation() {
        return freeBytes == 0 ? 0.0 : 1.0 - (double) largestFreeBlock / freeBytes;
    }
}
