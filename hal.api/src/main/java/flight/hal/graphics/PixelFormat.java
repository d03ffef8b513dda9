package flight.hal.graphics;

import java.nio.ByteBuffer;

/**
 * The pixel formats of the Flight HAL platforms, with their exact memory layout so that callers can fill buffers for
 * {@link GraphicsDriver#blit} themselves. Colours cross the API as {@code int} ARGB ({@code 0xAARRGGBB}); a format
 * stores them at its own precision ({@link #quantize(int)}) and formats without alpha read back as opaque.
 *
 * <ul>
 * <li>{@link #RGBA8888}: four bytes in memory order R, G, B, A.</li>
 * <li>{@link #RGB888}: three bytes in memory order R, G, B.</li>
 * <li>{@link #RGB565}: a little-endian 16-bit word, red in bits 15-11, green 10-5, blue 4-0.</li>
 * <li>{@link #ARGB1555}: a little-endian 16-bit word, alpha in bit 15 (set for alpha of 128 or more), red 14-10,
 * green 9-5, blue 4-0.</li>
 * </ul>
 */
public enum PixelFormat {
    RGBA8888(4),
    RGB888(3),
    RGB565(2),
    ARGB1555(2);

    private static final int OPAQUE = 0xFF000000;

    private final int bytesPerPixel;

    PixelFormat(int bytesPerPixel) {
        this.bytesPerPixel = bytesPerPixel;
    }

    /** Bytes one pixel takes. */
    public int bytesPerPixel() {
        return bytesPerPixel;
    }

    /**
     * Bytes a {@code width} x {@code height} image takes in this format, or {@link Long#MAX_VALUE} when that does not
     * fit a {@code long}, so that a check against any limit refuses it rather than seeing a wrapped, small number.
     * Non-positive sizes give 0.
     *
     * @since 1.2
     */
    public long bytesFor(int width, int height) {
        if (width <= 0 || height <= 0) {
            return 0;
        }
        long pixels = (long) width * height; // two ints: at most 2^62, no overflow yet
        return pixels > Long.MAX_VALUE / bytesPerPixel ? Long.MAX_VALUE : pixels * bytesPerPixel;
    }

    /** The colour {@code argb} as this format stores it: what reading it back returns. */
    public int quantize(int argb) {
        return unpack(pack(argb));
    }

    /** Stores {@code argb} as one pixel at byte {@code index} of {@code buffer}; position and limit are untouched. */
    public void write(ByteBuffer buffer, int index, int argb) {
        int pixel = pack(argb);
        switch (this) {
            case RGBA8888 -> {
                buffer.put(index, (byte) (pixel >>> 24)).put(index + 1, (byte) (pixel >>> 16))
                        .put(index + 2, (byte) (pixel >>> 8)).put(index + 3, (byte) pixel);
            }
            case RGB888 -> buffer.put(index, (byte) (pixel >>> 16)).put(index + 1, (byte) (pixel >>> 8))
                    .put(index + 2, (byte) pixel);
            default -> buffer.put(index, (byte) pixel).put(index + 1, (byte) (pixel >>> 8));
        }
    }

    /** The colour of the pixel at byte {@code index} of {@code buffer}, as ARGB; position and limit are untouched. */
    public int read(ByteBuffer buffer, int index) {
        int pixel = switch (this) {
            case RGBA8888 -> (unsigned(buffer, index) << 24) | (unsigned(buffer, index + 1) << 16)
                    | (unsigned(buffer, index + 2) << 8) | unsigned(buffer, index + 3);
            case RGB888 -> (unsigned(buffer, index) << 16) | (unsigned(buffer, index + 1) << 8)
                    | unsigned(buffer, index + 2);
            default -> unsigned(buffer, index) | (unsigned(buffer, index + 1) << 8);
        };
        return unpack(pixel);
    }

    /** The format's bits for {@code argb}: RGBA or RGB bytes most significant first, or the 16-bit word. */
    private int pack(int argb) {
        int a = argb >>> 24;
        int r = (argb >>> 16) & 0xFF;
        int g = (argb >>> 8) & 0xFF;
        int b = argb & 0xFF;
        return switch (this) {
            case RGBA8888 -> (r << 24) | (g << 16) | (b << 8) | a;
            case RGB888 -> (r << 16) | (g << 8) | b;
            case RGB565 -> ((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3);
            case ARGB1555 -> ((a >> 7) << 15) | ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
        };
    }

    private int unpack(int pixel) {
        return switch (this) {
            case RGBA8888 -> (pixel << 24) | (pixel >>> 8);
            case RGB888 -> OPAQUE | pixel;
            case RGB565 -> OPAQUE | (widen(pixel >> 11, 5) << 16) | (widen((pixel >> 5) & 0x3F, 6) << 8)
                    | widen(pixel & 0x1F, 5);
            case ARGB1555 -> ((pixel >> 15) == 1 ? OPAQUE : 0) | (widen((pixel >> 10) & 0x1F, 5) << 16)
                    | (widen((pixel >> 5) & 0x1F, 5) << 8) | widen(pixel & 0x1F, 5);
        };
    }

    /** A {@code bits}-wide channel stretched to 8 bits by repeating its high bits, so full scale stays 255. */
    private static int widen(int value, int bits) {
        return (value << (8 - bits)) | (value >> (2 * bits - 8));
    }

    private static int unsigned(ByteBuffer buffer, int index) {
        return buffer.get(index) & 0xFF;
    }
}
