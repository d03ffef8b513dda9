package flight.hal.graphics;

import java.util.Objects;

/**
 * A surface a graphics driver draws into. Its pixels stay with the driver; read them with
 * {@link GraphicsDriver#readPixels} or write them to a file with {@link GraphicsDriver#writePng}.
 *
 * @param handle the driver's name for this target, never 0, unique within the driver
 * @param width  pixels per row
 * @param height rows
 * @param format how each pixel is stored
 */
public record RenderTarget(long handle, int width, int height, PixelFormat format) {

    public RenderTarget {
        Objects.requireNonNull(format, "format");
        if (handle == 0) {
            throw new IllegalArgumentException("handle 0 is the null handle");
        }
    }

    /** Bytes the target's pixels take ({@link PixelFormat#bytesFor}: saturates at {@link Long#MAX_VALUE}). */
    public long sizeInBytes() {
        return format.bytesFor(width, height);
    }
}
