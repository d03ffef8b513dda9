package flight.hal.graphics;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalDriver;
import flight.hal.HalResult;
import flight.hal.memory.MemoryAllocation;

/**
 * The graphics HAL interface. Every limit of {@link #limits()} is enforced with an error result that names it; bad
 * input (non-positive sizes, rectangles outside the target, unknown or released buffers and targets, formats the
 * driver lacks, null arguments) is an error result too, never an exception. Rectangles are never clipped: one that
 * does not lie wholly inside its target is refused.
 */
@ProviderType
public interface GraphicsDriver extends HalDriver {

    /** Render target sizes, pixel formats and graphics memory this driver accepts. */
    GraphicsLimits limits();

    /** A buffer of {@code size} bytes of the driver's memory, reading as zeros, accounted as graphics memory. */
    HalResult<GraphicsBuffer> createBuffer(long size, BufferUsage usage);

    /**
     * A buffer that is a view of {@code memory}, an allocation of a memory driver: nothing is copied and the graphics
     * memory is not charged. Release the buffer before the allocation; after that its bytes belong to the memory
     * driver again.
     */
    HalResult<GraphicsBuffer> createBufferFromMemory(MemoryAllocation memory, BufferUsage usage);

    /** Whether {@code buffer} is a live buffer of this driver; {@code false} for null. */
    boolean isValidBuffer(GraphicsBuffer buffer);

    /** Releases a buffer; a second release is a {@code NOT_FOUND} error. */
    HalResult<Void> releaseBuffer(GraphicsBuffer buffer);

    /**
     * A render target of {@code width} x {@code height} pixels in {@code format}, its bytes zero: transparent black,
     * or opaque black in a format without alpha.
     */
    HalResult<RenderTarget> createRenderTarget(int width, int height, PixelFormat format);

    /** Whether {@code target} is a live render target of this driver; {@code false} for null. */
    boolean isValidRenderTarget(RenderTarget target);

    /** Releases a render target; a second release is a {@code NOT_FOUND} error. */
    HalResult<Void> releaseRenderTarget(RenderTarget target);

    /** Sets every pixel of {@code target} to {@code argb}. */
    HalResult<Void> clear(RenderTarget target, int argb);

    /** Sets the pixels of a rectangle of {@code target} to {@code argb}; the rectangle must lie inside the target. */
    HalResult<Void> fillRect(RenderTarget target, int x, int y, int width, int height, int argb);

    /** Copies {@code source} into {@code target} with its top left pixel at ({@code x}, {@code y}), converting formats. */
    HalResult<Void> blit(BufferImage source, RenderTarget target, int x, int y);

    /** The colours of a rectangle of {@code target} as ARGB, row after row. */
    HalResult<int[]> readPixels(RenderTarget target, int x, int y, int width, int height);

    /** Writes {@code target} to {@code file} as a PNG image; an {@code IO_ERROR} names the file when that fails. */
    HalResult<Void> writePng(RenderTarget target, Path file);

    /** Accounting of graphics memory, buffers and render targets. */
    HalResult<GraphicsStats> stats();
}
