package flight.hal.driver.support.graphics;

import java.nio.ByteBuffer;

import flight.hal.graphics.BufferImage;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;

/**
 * The pixels of one render target, in its format, row after row in a heap buffer, or in the buffer of the driver it
 * was adopted from. Drawing replaces pixels (no blending). Every operation holds this surface's monitor, so concurrent
 * draws never interleave within one call. Callers have checked every rectangle against the target.
 */
final class Surface {
    final RenderTarget target;
    private final ByteBuffer pixels;

    /** @throws OutOfMemoryError when the heap cannot hold the pixels */
    Surface(RenderTarget target) {
        this(target, ByteBuffer.allocate((int) target.sizeInBytes()));
    }

    /** A surface over {@code pixels}, which hold {@code target}'s pixels: those of an adopted target. */
    Surface(RenderTarget target, ByteBuffer pixels) {
        this.target = target;
        this.pixels = pixels;
    }

    /** The pixels themselves, not a copy: what a successor adopts. */
    ByteBuffer pixels() {
        return pixels;
    }

    synchronized void fill(int x, int y, int width, int height, int argb) {
        PixelFormat format = target.format();
        for (int row = y; row < y + height; row++) {
            for (int column = x; column < x + width; column++) {
                format.write(pixels, index(column, row), argb);
            }
        }
    }

    /** Copies {@code source} with its top left pixel at ({@code x}, {@code y}), converting its format. */
    synchronized void blit(BufferImage source, int x, int y) {
        ByteBuffer data = source.buffer().data();
        PixelFormat from = source.format();
        int sourceIndex = 0;
        for (int row = 0; row < source.height(); row++) {
            for (int column = 0; column < source.width(); column++) {
                target.format().write(pixels, index(x + column, y + row), from.read(data, sourceIndex));
                sourceIndex += from.bytesPerPixel();
            }
        }
    }

    /** The ARGB colours of a rectangle, row after row. */
    synchronized int[] read(int x, int y, int width, int height) {
        int[] argb = new int[width * height];
        int next = 0;
        for (int row = y; row < y + height; row++) {
            for (int column = x; column < x + width; column++) {
                argb[next++] = target.format().read(pixels, index(column, row));
            }
        }
        return argb;
    }

    private int index(int column, int row) {
        return (row * target.width() + column) * target.format().bytesPerPixel();
    }
}
