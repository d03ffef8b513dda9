package flight.hal.platform;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalResult;

/** Memory handed out by an {@link AlignedAllocator}. */
@ProviderType
public interface AlignedBlock {

    /** Bytes usable. */
    long size();

    /**
     * The memory: {@link #size()} bytes whose first byte is aligned to {@link AlignedAllocator#ALIGNMENT}. Checks the
     * hidden header first, so a block that was freed is reported ({@code alloc.use_after_free}) rather than used.
     */
    HalResult<ByteBuffer> buffer();
}
