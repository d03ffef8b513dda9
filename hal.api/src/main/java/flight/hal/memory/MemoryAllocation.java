package flight.hal.memory;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Set;

/**
 * Memory handed out by a driver.
 *
 * <p>The JVM exposes no raw addresses, so an allocation is named by an opaque {@code handle} (never 0, unique within
 * the driver that made it) and reached through {@code buffer}, a view of exactly {@code size} bytes whose first byte
 * has the requested alignment. After the allocation is released the handle is invalid; the buffer must not be used.
 *
 * @param handle    the driver's name for this allocation; pass it to deallocate, reallocate, info
 * @param buffer    the memory ({@code capacity() == size}); its position and limit belong to the caller
 * @param size      bytes allocated
 * @param alignment alignment of the first byte, in bytes
 * @param flags     the flags the allocation was made with
 * @param type      the memory it came from
 */
public record MemoryAllocation(long handle, ByteBuffer buffer, long size, int alignment, Set<MemoryFlag> flags,
                               MemoryType type) {

    public MemoryAllocation {
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(type, "type");
        flags = Set.copyOf(flags);
        if (handle == 0) {
            throw new IllegalArgumentException("handle 0 is the null handle");
        }
    }
}
