package flight.hal.compliance.internal;

import java.util.List;

import flight.hal.graphics.GraphicsLimits;
import flight.hal.graphics.PixelFormat;

/** The colours the graphics checks draw with, and the format they draw in. */
final class Colours {
    static final int RED = 0xFFFF0000;
    static final int GREEN = 0xFF00FF00;
    static final int BLUE = 0xFF0000FF;
    static final int WHITE = 0xFFFFFFFF;
    static final List<PixelFormat> PREFERENCE =
            List.of(PixelFormat.RGB565, PixelFormat.ARGB1555, PixelFormat.RGBA8888, PixelFormat.RGB888);

    private Colours() {
    }

    /** Whether the kit can draw in {@code format}. */
    static boolean drawable(PixelFormat format) {
        return PREFERENCE.contains(format);
    }

    /** The first format of RGB565, ARGB1555, RGBA8888, RGB888 that the driver supports. */
    static PixelFormat formatOf(GraphicsLimits limits) {
        return PREFERENCE.stream().filter(limits.formats()::contains).findFirst().orElseThrow();
    }
}
