package flight.hal.graphics;

import java.util.Objects;

/**
 * The bytes of a graphics buffer read as an image: {@code height} rows of {@code width} pixels in {@code format},
 * from the buffer's first byte, without padding between rows. A driver checks that the image fits its buffer.
 *
 * @param buffer the buffer holding the pixels
 * @param width  pixels per row
 * @param height rows
 * @param format how each pixel is stored ({@link PixelFormat} documents the layouts)
 */
public record BufferImage(GraphicsBuffer buffer, int width, int height, PixelFormat format) {

    public BufferImage {
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(format, "format");
    }

    /** Bytes the image needs ({@link PixelFormat#bytesFor}: saturates at {@link Long#MAX_VALUE}). */
    public long sizeInBytes() {
        return format.bytesFor(width, height);
    }
}
