package flight.hal.memory;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalDriver;
import flight.hal.HalResult;

/**
 * The memory HAL interface. Every method reports bad input (zero or negative sizes, unsupported alignments, flags or
 * types, unknown or already released handles) as an error result; none throws for it.
 */
@ProviderType
public interface MemoryDriver extends HalDriver {

    /** Allocates memory as {@code request} describes; a null request is an {@code INVALID_PARAMETER} error. */
    HalResult<MemoryAllocation> allocate(AllocationRequest request);

    /** Releases the allocation named {@code handle}; a second release of the same handle is a {@code NOT_FOUND} error. */
    HalResult<Void> deallocate(long handle);

    /**
     * Resizes an allocation: returns a new allocation (with a new handle) holding the first
     * {@code min(old size, newSize)} bytes of the old one, which is released. On error the old allocation is untouched.
     */
    HalResult<MemoryAllocation> reallocate(long handle, long newSize);

    /** Accounting over all memory types. */
    HalResult<MemoryStats> stats();

    /** Accounting for one memory type; an {@code UNSUPPORTED_CAPABILITY} error for a type the driver lacks. */
    HalResult<MemoryStats> stats(MemoryType type);

    /** Whether {@code handle} names a live allocation of this driver. */
    boolean isValid(long handle);

    /** The live allocation named {@code handle}. */
    HalResult<MemoryAllocation> allocationInfo(long handle);

    /** Whether allocations may ask for {@code alignment} bytes. */
    boolean supportsAlignment(int alignment);

    /** Whether allocations may come from memory of {@code type}; {@code false} for null. */
    boolean supportsMemoryType(MemoryType type);

    /** The largest single allocation, in bytes. */
    long maxAllocationSize();

    /** Compacts free memory where the driver can; returns the bytes moved. A null {@code callback} is not told. */
    HalResult<Long> defragment(DefragmentationCallback callback);

    /** Tells the platform that now is a good time to collect garbage. */
    HalResult<Void> gcHint();

    /** Returns unused memory to the platform; returns the bytes given back. */
    HalResult<Long> trim();
}
