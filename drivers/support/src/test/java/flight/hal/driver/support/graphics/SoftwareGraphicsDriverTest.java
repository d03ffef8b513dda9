package flight.hal.driver.support.graphics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.graphics.BufferImage;
import flight.hal.graphics.BufferUsage;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.GraphicsLimits;
import flight.hal.graphics.GraphicsStats;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryType;

class SoftwareGraphicsDriverTest {
    private static final int RED = 0xFFFF0000;
    private static final int BLUE = 0xFF0000FF;
    private static final int GREEN = 0xFF00FF00;

    /** At most 64x32, three formats, 16 KiB of texture memory. */
    static final class TestGraphicsDriver extends SoftwareGraphicsDriver {
        TestGraphicsDriver() {
            super("test.graphics", new GraphicsLimits(64, 32,
                    EnumSet.of(PixelFormat.RGB565, PixelFormat.ARGB1555, PixelFormat.RGBA8888), 16384));
        }

        @Override
        protected PlatformProfile platform() {
            return new PlatformProfile(new PlatformInfo("Test Console", "test", "", 1 << 20, 8, 1 << 20, 1, 0),
                    EnumSet.of(HalCapability.HARDWARE_3D), PerformanceTier.MINIMAL);
        }
    }

    private final TestGraphicsDriver driver = new TestGraphicsDriver();

    SoftwareGraphicsDriverTest() {
        driver.initialize().orElseThrow();
    }

    private static ErrorCategory category(HalResult<?> result) {
        assertTrue(result.isErr(), () -> "expected an error, got " + result);
        return result.errorOrNull().category();
    }

    private RenderTarget target(int width, int height, PixelFormat format) {
        return driver.createRenderTarget(width, height, format).orElseThrow();
    }

    @Test
    void drawnPixelsReadBackInTheTargetsPrecision() {
        RenderTarget target = target(8, 4, PixelFormat.RGB565);
        driver.clear(target, BLUE).orElseThrow();
        driver.fillRect(target, 2, 1, 3, 2, 0xFF123456).orElseThrow();
        int[] pixels = driver.readPixels(target, 0, 0, 8, 4).orElseThrow();
        int quantized = PixelFormat.RGB565.quantize(0xFF123456);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                boolean inside = x >= 2 && x < 5 && y >= 1 && y < 3;
                assertEquals(inside ? quantized : BLUE, pixels[y * 8 + x], "pixel " + x + "," + y);
            }
        }
        assertArrayEquals(new int[] {quantized, BLUE}, driver.readPixels(target, 4, 2, 2, 1).orElseThrow());
    }

    @Test
    void newTargetsAreTransparentBlackAndAlphaSurvivesWhereTheFormatKeepsIt() {
        RenderTarget target = target(2, 2, PixelFormat.ARGB1555);
        assertArrayEquals(new int[4], driver.readPixels(target, 0, 0, 2, 2).orElseThrow());
        driver.fillRect(target, 0, 0, 1, 1, 0x80FF0000).orElseThrow();
        assertEquals(RED, driver.readPixels(target, 0, 0, 1, 1).orElseThrow()[0]);
        driver.fillRect(target, 1, 0, 1, 1, 0x7FFF0000).orElseThrow();
        assertEquals(0x00FF0000, driver.readPixels(target, 1, 0, 1, 1).orElseThrow()[0]);
    }

    @Test
    void blitCopiesABufferImageConvertingItsFormat() {
        GraphicsBuffer buffer = driver.createBuffer(2 * 2 * 4, BufferUsage.STAGING).orElseThrow();
        int[] colours = {RED, GREEN, BLUE, 0xFFFFFFFF};
        for (int i = 0; i < 4; i++) {
            PixelFormat.RGBA8888.write(buffer.data(), i * 4, colours[i]);
        }
        RenderTarget target = target(4, 4, PixelFormat.RGB565);
        driver.blit(new BufferImage(buffer, 2, 2, PixelFormat.RGBA8888), target, 1, 2).orElseThrow();
        assertArrayEquals(new int[] {RED, GREEN}, driver.readPixels(target, 1, 2, 2, 1).orElseThrow());
        assertArrayEquals(new int[] {BLUE, 0xFFFFFFFF}, driver.readPixels(target, 1, 3, 2, 1).orElseThrow());
        assertEquals(0xFF000000, driver.readPixels(target, 0, 2, 1, 1).orElseThrow()[0]); // untouched, opaque
    }

    @Test
    void rectanglesOutsideTheTargetAreRefusedNotClipped() {
        RenderTarget target = target(8, 4, PixelFormat.RGB565);
        HalResult<Void> outside = driver.fillRect(target, 6, 0, 3, 1, RED);
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(outside));
        assertEquals("test.graphics: the rectangle at (6, 0) of 3x1 does not lie inside the 8x4 render target "
                + target.handle(), outside.errorOrNull().message());
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.fillRect(target, -1, 0, 1, 1, RED)));
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.fillRect(target, 0, 0, 0, 1, RED)));
        assertEquals(ErrorCategory.INVALID_PARAMETER,
                category(driver.readPixels(target, 0, 0, 8, Integer.MAX_VALUE)));
        GraphicsBuffer small = driver.createBuffer(8, BufferUsage.STATIC).orElseThrow();
        HalResult<Void> tooBig = driver.blit(new BufferImage(small, 2, 2, PixelFormat.RGBA8888), target, 0, 0);
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(tooBig));
        assertTrue(tooBig.errorOrNull().message().contains("needs 16 bytes but buffer"));
        int[] untouched = new int[32];
        java.util.Arrays.fill(untouched, 0xFF000000);
        assertArrayEquals(untouched, driver.readPixels(target, 0, 0, 8, 4).orElseThrow());
    }

    @Test
    void sizeFormatAndMemoryLimitsAreEnforcedAndNamed() {
        HalResult<RenderTarget> wide = driver.createRenderTarget(65, 32, PixelFormat.RGB565);
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, category(wide));
        assertTrue(wide.errorOrNull().message().contains("exceeds the maximum resolution of 64x32"));
        HalResult<RenderTarget> rgb = driver.createRenderTarget(4, 4, PixelFormat.RGB888);
        assertEquals(ErrorCategory.UNSUPPORTED_FORMAT, category(rgb));
        assertTrue(rgb.errorOrNull().message().contains("RGB888 is not supported on Test Console"));
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.createRenderTarget(0, 4, PixelFormat.RGB565)));
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.createRenderTarget(4, 4, null)));

        target(64, 32, PixelFormat.RGBA8888); // 8192 bytes
        target(64, 32, PixelFormat.RGB565); // 4096 bytes
        HalResult<GraphicsBuffer> over = driver.createBuffer(4097, BufferUsage.DYNAMIC);
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, category(over));
        assertEquals("test.graphics: a buffer of 4097 bytes needs 4097 bytes; 12288 of the 16384 bytes of texture"
                + " memory are in use", over.errorOrNull().message());
        assertTrue(driver.createBuffer(4096, BufferUsage.DYNAMIC).isOk());
        assertEquals(new GraphicsStats(16384, 16384, 16384, 1, 2), driver.stats().orElseThrow());
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.createBuffer(0, BufferUsage.STATIC)));
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES,
                category(driver.createBuffer(1L << 31, BufferUsage.STATIC)));
    }

    @Test
    void releasedObjectsAreGoneAndTheirMemoryReturns() {
        RenderTarget target = target(64, 32, PixelFormat.RGBA8888);
        GraphicsBuffer buffer = driver.createBuffer(1000, BufferUsage.STATIC).orElseThrow();
        assertTrue(driver.isValidBuffer(buffer));
        assertTrue(driver.isValidRenderTarget(target));
        driver.releaseBuffer(buffer).orElseThrow();
        driver.releaseRenderTarget(target).orElseThrow();
        assertFalse(driver.isValidBuffer(buffer));
        assertFalse(driver.isValidRenderTarget(target));
        assertEquals(ErrorCategory.NOT_FOUND, category(driver.releaseBuffer(buffer)));
        assertEquals(ErrorCategory.NOT_FOUND, category(driver.releaseRenderTarget(target)));
        assertEquals(ErrorCategory.NOT_FOUND, category(driver.clear(target, RED)));
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.releaseBuffer(null)));
        assertEquals(new GraphicsStats(16384, 0, 9192, 0, 0), driver.stats().orElseThrow());
    }

    @Test
    void buffersOverMemoryAreViewsThatCostNoGraphicsMemory() {
        ByteBuffer memory = ByteBuffer.allocateDirect(64);
        MemoryAllocation allocation = new MemoryAllocation(7, memory, 64, 8, Set.of(), MemoryType.SYSTEM);
        GraphicsBuffer view = driver.createBufferFromMemory(allocation, BufferUsage.DYNAMIC).orElseThrow();
        assertTrue(view.sharesMemory());
        assertEquals(7, view.memoryHandle());
        view.data().put(5, (byte) 42);
        assertEquals(42, memory.get(5));
        assertEquals(0, driver.stats().orElseThrow().usedBytes());
        assertEquals(1, driver.stats().orElseThrow().buffers());
        assertEquals(ErrorCategory.INVALID_PARAMETER,
                category(driver.createBufferFromMemory(null, BufferUsage.DYNAMIC)));
        driver.releaseBuffer(view).orElseThrow();
        assertEquals(0, driver.stats().orElseThrow().buffers());
    }

    @Test
    void aPngShowsWhatWasDrawn(@TempDir Path folder) throws Exception {
        RenderTarget target = target(16, 8, PixelFormat.ARGB1555);
        driver.clear(target, BLUE).orElseThrow();
        driver.fillRect(target, 4, 2, 8, 4, RED).orElseThrow();
        Path png = folder.resolve("frame.png");
        driver.writePng(target, png).orElseThrow();
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(16, image.getWidth());
        assertEquals(8, image.getHeight());
        assertEquals(BLUE, image.getRGB(0, 0));
        assertEquals(RED, image.getRGB(4, 2));
        assertEquals(RED, image.getRGB(11, 5));
        assertEquals(BLUE, image.getRGB(12, 5));
        HalResult<Void> nowhere = driver.writePng(target, folder.resolve("missing/frame.png"));
        assertEquals(ErrorCategory.IO_ERROR, category(nowhere));
        assertTrue(nowhere.errorOrNull().message().contains("missing"));
    }

    @Test
    void callsOutsideInitializationAreInvalidState() {
        RenderTarget target = target(4, 4, PixelFormat.RGB565);
        driver.shutdown().orElseThrow();
        assertEquals(ErrorCategory.INVALID_STATE, category(driver.clear(target, RED)));
        assertEquals(ErrorCategory.INVALID_STATE, category(driver.createBuffer(4, BufferUsage.STATIC)));
        assertEquals(ErrorCategory.INVALID_STATE, category(driver.stats()));
        assertFalse(driver.isValidRenderTarget(target));
        driver.initialize().orElseThrow();
        assertFalse(driver.isValidRenderTarget(target));
    }
}
