package flight.hal.graphics;

import java.util.Objects;
import java.util.Set;

/**
 * What a graphics driver accepts.
 *
 * @param maxWidth           the widest render target, in pixels
 * @param maxHeight          the tallest render target, in pixels
 * @param formats            the pixel formats of render targets and blit sources
 * @param textureMemoryBytes the graphics memory that buffers and render targets are accounted against;
 *                           {@link Long#MAX_VALUE} when only the machine limits it
 */
public record GraphicsLimits(int maxWidth, int maxHeight, Set<PixelFormat> formats, long textureMemoryBytes) {

    public GraphicsLimits {
        formats = Set.copyOf(Objects.requireNonNull(formats, "formats"));
        if (maxWidth < 1 || maxHeight < 1 || textureMemoryBytes < 1 || formats.isEmpty()) {
            throw new IllegalArgumentException("graphics limits need positive sizes and at least one format");
        }
    }

    /** Whether the texture memory is bounded by the driver rather than only by the machine. */
    public boolean accountsTextureMemory() {
        return textureMemoryBytes != Long.MAX_VALUE;
    }
}
