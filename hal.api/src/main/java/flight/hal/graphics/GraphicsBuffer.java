package flight.hal.graphics;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A buffer made by a graphics driver. Its bytes are reached through {@code data}, whose position and limit belong to
 * the caller; after the buffer is released the handle is invalid and {@code data} must not be used.
 *
 * @param handle       the driver's name for this buffer, never 0, unique within the driver
 * @param data         the buffer's memory ({@code capacity()} is its size)
 * @param usage        how the buffer will be used
 * @param memoryHandle the handle of the memory allocation the buffer is a view of
 *                     ({@link GraphicsDriver#createBufferFromMemory}), or 0 for memory of the driver's own
 */
public record GraphicsBuffer(long handle, ByteBuffer data, BufferUsage usage, long memoryHandle) {

    public GraphicsBuffer {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(usage, "usage");
        if (handle == 0) {
            throw new IllegalArgumentException("handle 0 is the null handle");
        }
    }

    /** Bytes in the buffer. */
    public int size() {
        return data.capacity();
    }

    /** Whether the buffer is a view of a memory driver's allocation rather than the graphics driver's memory. */
    public boolean sharesMemory() {
        return memoryHandle != 0;
    }
}
