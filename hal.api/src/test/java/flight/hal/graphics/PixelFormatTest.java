package flight.hal.graphics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PixelFormatTest {

    private static byte[] bytesOf(PixelFormat format, int argb) {
        ByteBuffer buffer = ByteBuffer.allocate(format.bytesPerPixel() + 2);
        format.write(buffer, 1, argb);
        assertEquals(0, buffer.position());
        byte[] bytes = new byte[format.bytesPerPixel()];
        buffer.get(1, bytes);
        return bytes;
    }

    @Test
    void layoutsAreTheDocumentedOnes() {
        int argb = 0x80_C0_A0_10;
        assertEquals("[-64, -96, 16, -128]", java.util.Arrays.toString(bytesOf(PixelFormat.RGBA8888, argb)));
        assertEquals("[-64, -96, 16]", java.util.Arrays.toString(bytesOf(PixelFormat.RGB888, argb)));
        // RGB565: r 11000 g 101000 b 00010 = 0xC502, little-endian
        assertEquals("[2, -59]", java.util.Arrays.toString(bytesOf(PixelFormat.RGB565, argb)));
        // ARGB1555: a 1 r 11000 g 10100 b 00010 = 0xE282, little-endian
        assertEquals("[-126, -30]", java.util.Arrays.toString(bytesOf(PixelFormat.ARGB1555, argb)));
    }

    @ParameterizedTest
    @EnumSource(PixelFormat.class)
    void pureColoursSurviveEveryFormat(PixelFormat format) {
        ByteBuffer buffer = ByteBuffer.allocate(format.bytesPerPixel());
        for (int colour : new int[] {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFFFFFFFF, 0xFF000000}) {
            format.write(buffer, 0, colour);
            assertEquals(colour, format.read(buffer, 0), format + " " + Integer.toHexString(colour));
            assertEquals(colour, format.quantize(colour));
        }
    }

    @Test
    void precisionAndAlphaFollowTheFormat() {
        assertEquals(0x80C0A010, PixelFormat.RGBA8888.quantize(0x80C0A010));
        assertEquals(0xFFC0A010, PixelFormat.RGB888.quantize(0x80C0A010));
        assertEquals(0xFFC6A210, PixelFormat.RGB565.quantize(0x80C0A010));
        assertEquals(0xFFC6A510, PixelFormat.ARGB1555.quantize(0x80C0A010));
        assertEquals(0x00C6A510, PixelFormat.ARGB1555.quantize(0x7FC0A010));
        assertEquals(2, PixelFormat.RGB565.bytesPerPixel());
        assertEquals(3, PixelFormat.RGB888.bytesPerPixel());
    }
}
