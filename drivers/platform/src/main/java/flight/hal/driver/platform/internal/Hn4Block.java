package flight.hal.driver.platform.internal;

import java.nio.ByteBuffer;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.platform.AlignedAllocator;
import flight.hal.platform.AlignedBlock;
import flight.hal.platform.PlatformErrors;

/** A block of the {@link Hn4Allocator}: its hidden header (magic, size) and its payload, which follows it. */
final class Hn4Block implements AlignedBlock {
    final Hn4Allocator owner;
    /** The header: the magic at 0, the size at 8; the block's lock guards changes of the magic. */
    final ByteBuffer header;
    private final ByteBuffer payload;

    Hn4Block(Hn4Allocator owner, ByteBuffer header, ByteBuffer payload) {
        this.owner = owner;
        this.header = header;
        this.payload = payload;
    }

    @Override
    public long size() {
        return payload.capacity();
    }

    @Override
    public HalResult<ByteBuffer> buffer() {
        HalError refusal = check("use");
        return refusal == null ? HalResult.ok(payload.duplicate()) : HalResult.err(refusal);
    }

    /** Null while the header says the block is live; else what is wrong, for {@code what} (use, free). */
    synchronized HalError check(String what) {
        int magic = header.getInt(0);
        if (magic == AlignedAllocator.MAGIC) {
            return null;
        }
        if (magic == AlignedAllocator.POISON) {
            return new HalError(ErrorCategory.INVALID_STATE, what.equals("free") ? PlatformErrors.DOUBLE_FREE
                    : PlatformErrors.USE_AFTER_FREE, what + " of a " + size() + "-byte block that was already freed"
                    + " (header magic 0xDEADBEEF)");
        }
        return new HalError(ErrorCategory.INVALID_STATE, PlatformErrors.CORRUPT, String.format(java.util.Locale.ROOT,
                "%s of a %d-byte block whose header was overwritten: magic 0x%08X, expected 0x%08X", what, size(),
                magic, AlignedAllocator.MAGIC));
    }

    /** Frees the block: poisons the magic, once. */
    synchronized HalError poison() {
        HalError refusal = check("free");
        if (refusal == null) {
            header.putInt(0, AlignedAllocator.POISON);
        }
        return refusal;
    }
}
