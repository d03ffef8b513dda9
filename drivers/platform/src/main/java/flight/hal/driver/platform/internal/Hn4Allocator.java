package flight.hal.driver.platform.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Component;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.platform.AlignedAllocator;
import flight.hal.platform.AlignedBlock;
import flight.hal.platform.PlatformErrors;

/**
 * The HN4 allocator over off-heap (direct) memory: each block is a 128-byte aligned hidden header (magic, size)
 * followed by the payload, which therefore starts on a 128-byte boundary too. Free poisons the magic, so a second
 * free, or a use after free through {@link AlignedBlock#buffer()}, is caught. The memory itself returns to the
 * platform when the block is unreachable: releasing direct memory by hand could crash the JVM on a use after free.
 */
@Component(service = AlignedAllocator.class, immediate = true)
public class Hn4Allocator implements AlignedAllocator {
    /** The header, padded to the alignment so the payload starts aligned. */
    static final int HEADER_BYTES = ALIGNMENT;
    /** Room for the header and for aligning it. */
    static final long OVERHEAD = HEADER_BYTES + ALIGNMENT - 1L;
    /** The largest direct buffer the JVM makes. */
    static final long MAX_BUFFER = Integer.MAX_VALUE - 8L;

    private final LongAdder liveBytes = new LongAdder();

    @Override
    public HalResult<AlignedBlock> allocate(long size) {
        if (size <= 0) {
            return HalResult.err(HalError.invalidParameter("allocation size must be positive, was " + size));
        }
        if (size > MAX_BUFFER - OVERHEAD) {
            return HalResult.err(new HalError(ErrorCategory.INVALID_PARAMETER, PlatformErrors.SIZE_OVERFLOW, "size "
                    + size
                    + " plus the " + OVERHEAD + "-byte header overhead exceeds the largest block of " + MAX_BUFFER
                    + " bytes"));
        }
        ByteBuffer raw;
        try {
            raw = ByteBuffer.allocateDirect((int) (size + OVERHEAD));
        } catch (OutOfMemoryError e) {
            return HalResult.err(HalError.outOfMemory("direct memory exhausted: cannot allocate " + size
                    + " bytes with a " + OVERHEAD + "-byte overhead: " + e.getMessage()));
        }
        int misalignment = raw.alignmentOffset(0, ALIGNMENT);
        int headerAt = misalignment == 0 ? 0 : ALIGNMENT - misalignment;
        ByteBuffer header = raw.slice(headerAt, HEADER_BYTES).order(ByteOrder.nativeOrder());
        header.putInt(0, MAGIC).putLong(8, size);
        liveBytes.add(size);
        return HalResult.ok(new Hn4Block(this, header, raw.slice(headerAt + HEADER_BYTES, (int) size)));
    }

    @Override
    public HalResult<Void> free(AlignedBlock block) {
        if (!(block instanceof Hn4Block ours) || ours.owner != this) {
            return HalResult.err(new HalError(ErrorCategory.INVALID_PARAMETER, PlatformErrors.FOREIGN_BLOCK,
                    "the block was not allocated by this allocator: " + block));
        }
        HalError refusal = ours.poison();
        if (refusal != null) {
            return HalResult.err(refusal);
        }
        liveBytes.add(-ours.size());
        return HalResult.ok();
    }

    @Override
    public long liveBytes() {
        return liveBytes.sum();
    }
}
