package flight.hal.driver.host.internal.memory;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.memory.MemoryFlag;

/** The JVM's direct (off-heap) memory: aligned buffers of it, and how much of it is in use. */
final class DirectMemory {

    private DirectMemory() {
    }

    /**
     * {@code size} bytes of direct memory whose first byte is aligned to {@code alignment}: a view into a buffer
     * {@code alignment - 1} bytes larger. Direct buffers are zero-filled by the JVM, which honours
     * {@link MemoryFlag#ZERO_INITIALIZED}.
     */
    static HalResult<ByteBuffer> alignedBuffer(int size, int alignment) {
        ByteBuffer raw;
        try {
            raw = ByteBuffer.allocateDirect(size + alignment - 1);
        } catch (OutOfMemoryError e) {
            return HalResult.err(HalError.outOfMemory("direct memory exhausted: cannot allocate " + size
                    + " bytes aligned to " + alignment + " (" + (size + alignment - 1L) + " bytes reserved): "
                    + e.getMessage()));
        }
        int offset = raw.alignmentOffset(0, alignment);
        return HalResult.ok(raw.slice(offset == 0 ? 0 : alignment - offset, size));
    }

    /** Bytes of the JVM's direct buffer pool in use; 0 when the JVM does not tell. */
    static long used() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> "direct".equals(pool.getName()))
                .mapToLong(pool -> Math.max(0, pool.getMemoryUsed()))
                .findFirst()
                .orElse(0);
    }
}
