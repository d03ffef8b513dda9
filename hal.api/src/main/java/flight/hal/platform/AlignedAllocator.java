package flight.hal.platform;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalResult;

/**
 * The HN4 allocator contract: off-heap memory with a 128-byte base alignment and a hidden header holding
 * {@link #MAGIC}, overwritten with {@link #POISON} on free, so a double free or a use after free is caught and
 * reported instead of corrupting memory.
 */
@ProviderType
public interface AlignedAllocator {

    /** The base alignment of every block, in bytes. */
    int ALIGNMENT = 128;
    /** The header magic of a live block ("HN4!"). */
    int MAGIC = 0x484E3421;
    /** The header magic of a freed block. */
    int POISON = 0xDEADBEEF;

    /**
     * Allocates {@code size} bytes.
     *
     * @return the block; an {@code INVALID_PARAMETER} error for a size that is not positive or that overflows with
     *         the header's overhead ({@value PlatformErrors#SIZE_OVERFLOW}); {@code OUT_OF_MEMORY} when memory is exhausted
     */
    HalResult<AlignedBlock> allocate(long size);

    /**
     * Frees {@code block}: poisons its header.
     *
     * @return an {@code INVALID_STATE} error {@value PlatformErrors#DOUBLE_FREE} when it was already freed, or
     *         {@value PlatformErrors#CORRUPT} when its header was overwritten; {@code INVALID_PARAMETER}
     *         ({@value PlatformErrors#FOREIGN_BLOCK}) for a block of another allocator or for {@code null}
     */
    HalResult<Void> free(AlignedBlock block);

    /** Bytes in live blocks. */
    long liveBytes();
}
