package flight.hal.driver.support.graphics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.graphics.SoftwareGraphicsDriverTest.TestGraphicsDriver;
import flight.hal.graphics.BufferImage;
import flight.hal.graphics.BufferUsage;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.GraphicsHandOver;
import flight.hal.graphics.GraphicsLimits;
import flight.hal.graphics.GraphicsStats;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.graphics.TargetPixels;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryType;

/** Handles and hand-over of a software graphics driver: foreign objects, export, adoption, drop. */
class SoftwareGraphicsOwnershipTest {
    private static final int RED = 0xFFFF0000;
    private static final int BLUE = 0xFF0000FF;

    /** Larger than the test driver in every way: 256x256, every format, 1 MiB. */
    static final class LargeGraphicsDriver extends SoftwareGraphicsDriver {
        LargeGraphicsDriver() {
            super("large.graphics", new GraphicsLimits(256, 256, EnumSet.allOf(PixelFormat.class), 1 << 20));
        }

        @Override
        protected PlatformProfile platform() {
            return new TestGraphicsDriver().platform();
        }
    }

    private final TestGraphicsDriver from = new TestGraphicsDriver();
    private final TestGraphicsDriver to = new TestGraphicsDriver();

    SoftwareGraphicsOwnershipTest() {
        from.initialize().orElseThrow();
        to.initialize().orElseThrow();
    }

    private static HalError error(HalResult<?> result, ErrorCategory category) {
        assertTrue(result.isErr(), () -> "expected an error, got " + result);
        assertEquals(category, result.errorOrNull().category(), result.errorOrNull().toString());
        return result.errorOrNull();
    }

    private static void assertForeign(HalResult<?> result) {
        HalError error = error(result, ErrorCategory.INVALID_PARAMETER);
        assertEquals(HandleIssuer.FOREIGN_HANDLE, error.code());
        assertTrue(error.message().contains("issued by other.graphics#"), error.message());
    }

    @Test
    void anotherDriversObjectsAreRefusedAndChangeNothing(@TempDir Path folder) {
        RenderTarget live = from.createRenderTarget(4, 4, PixelFormat.RGB565).orElseThrow();
        from.clear(live, BLUE).orElseThrow();
        GraphicsStats before = from.stats().orElseThrow();
        HandleIssuer other = HandleIssuer.forDriver("other.graphics");
        RenderTarget target = new RenderTarget(other.issue(), 4, 4, PixelFormat.RGB565);
        GraphicsBuffer buffer = new GraphicsBuffer(other.issue(), ByteBuffer.allocate(32), BufferUsage.STAGING, 0);
        assertForeign(from.releaseRenderTarget(target));
        assertForeign(from.releaseBuffer(buffer));
        assertForeign(from.clear(target, RED));
        assertForeign(from.fillRect(target, 0, 0, 1, 1, RED));
        assertForeign(from.readPixels(target, 0, 0, 1, 1));
        assertForeign(from.blit(new BufferImage(buffer, 2, 2, PixelFormat.RGB565), live, 0, 0));
        assertForeign(from.writePng(target, folder.resolve("foreign.png")));
        assertFalse(Files.exists(folder.resolve("foreign.png")));
        assertFalse(from.isValidRenderTarget(target));
        assertFalse(from.isValidBuffer(buffer));
        assertEquals(before, from.stats().orElseThrow());
        int[] blue = new int[16];
        java.util.Arrays.fill(blue, BLUE);
        assertArrayEquals(blue, from.readPixels(live, 0, 0, 4, 4).orElseThrow());
    }

    @Test
    void objectsOfAnEarlierInitializationAreForeignAfterReinitialization() {
        RenderTarget earlier = from.createRenderTarget(4, 4, PixelFormat.RGB565).orElseThrow();
        from.shutdown();
        from.initialize().orElseThrow();
        HalError error = error(from.clear(earlier, RED), ErrorCategory.INVALID_PARAMETER);
        assertEquals(HandleIssuer.FOREIGN_HANDLE, error.code());
        assertFalse(from.isValidRenderTarget(earlier));
    }

    @Test
    void adoptedObjectsKeepTheirHandlesMemoryAndPixels() {
        RenderTarget target = from.createRenderTarget(8, 4, PixelFormat.RGBA8888).orElseThrow();
        from.clear(target, BLUE).orElseThrow();
        from.fillRect(target, 1, 1, 2, 2, RED).orElseThrow();
        GraphicsBuffer own = from.createBuffer(100, BufferUsage.STATIC).orElseThrow();
        own.data().put(7, (byte) 42);
        MemoryAllocation memory = new MemoryAllocation(HandleIssuer.forDriver("some.memory").issue(),
                ByteBuffer.allocateDirect(64), 64, 8, Set.of(), MemoryType.SYSTEM);
        GraphicsBuffer view = from.createBufferFromMemory(memory, BufferUsage.DYNAMIC).orElseThrow();
        int[] drawn = from.readPixels(target, 0, 0, 8, 4).orElseThrow();

        GraphicsHandOver exported = from.exportObjects().orElseThrow();
        assertEquals(new LiveObjects(3, 128 + 100), exported.size());
        assertEquals(exported.size(), from.liveObjects());
        assertTrue(from.isValidRenderTarget(target), "exporting forgets nothing");
        assertEquals(exported.size(), to.adoptObjects(exported, from.handles()).orElseThrow());
        from.exportCompleted();
        assertEquals(LiveObjects.NONE, from.liveObjects());
        assertEquals(new GraphicsStats(16384, 0, 228, 0, 0), from.stats().orElseThrow());

        assertTrue(to.isValidRenderTarget(target) && to.isValidBuffer(own) && to.isValidBuffer(view));
        assertArrayEquals(drawn, to.readPixels(target, 0, 0, 8, 4).orElseThrow());
        TargetPixels pixels = exported.targets().get(0);
        assertSame(pixels.pixels(), to.exportObjects().orElseThrow().targets().get(0).pixels(),
                "the adopter draws into the very pixels it was handed");
        assertEquals(new GraphicsStats(16384, 228, 228, 2, 1), to.stats().orElseThrow());
        to.blit(new BufferImage(own, 1, 1, PixelFormat.RGBA8888), target, 0, 0).orElseThrow();

        to.releaseRenderTarget(target).orElseThrow();
        to.releaseBuffer(own).orElseThrow();
        to.releaseBuffer(view).orElseThrow();
        assertEquals(0, to.stats().orElseThrow().usedBytes(), "released capacity returns");
        assertEquals(ErrorCategory.NOT_FOUND, to.releaseBuffer(own).errorOrNull().category());
    }

    @Test
    void targetsBeyondItsLimitsAreRefusedAndNothingChangesInEitherDriver() {
        LargeGraphicsDriver large = new LargeGraphicsDriver();
        large.initialize().orElseThrow();
        RenderTarget small = large.createRenderTarget(4, 4, PixelFormat.RGB565).orElseThrow();
        RenderTarget wide = large.createRenderTarget(65, 4, PixelFormat.RGB565).orElseThrow();
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, adoptFrom(large).category());
        large.releaseRenderTarget(wide).orElseThrow();
        RenderTarget rgb = large.createRenderTarget(4, 4, PixelFormat.RGB888).orElseThrow();
        assertEquals(ErrorCategory.UNSUPPORTED_FORMAT, adoptFrom(large).category());
        large.releaseRenderTarget(rgb).orElseThrow();
        large.createBuffer(16384, BufferUsage.STATIC).orElseThrow(); // with the small target, more than 16 KiB
        HalError full = adoptFrom(large);
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, full.category());
        assertTrue(full.message().contains("of the 16384 bytes of texture memory"), full.message());

        assertEquals(new GraphicsStats(16384, 0, 0, 0, 0), to.stats().orElseThrow());
        assertFalse(to.isValidRenderTarget(small));
        assertEquals(HandleIssuer.FOREIGN_HANDLE, to.clear(small, RED).errorOrNull().code());
        assertEquals(new LiveObjects(2, 16384 + 32), large.liveObjects());
        assertTrue(large.isValidRenderTarget(small));
    }

    private HalError adoptFrom(LargeGraphicsDriver large) {
        HalResult<LiveObjects> adopted = to.adoptObjects(large.exportObjects().orElseThrow(), large.handles());
        assertTrue(adopted.isErr(), () -> "adopted " + adopted);
        return adopted.errorOrNull();
    }

    @Test
    void aTargetWhosePixelsAreMissingIsRefused() {
        RenderTarget target = new RenderTarget(HandleIssuer.forDriver("other.graphics").issue(), 4, 4,
                PixelFormat.RGB565);
        GraphicsHandOver missing = new GraphicsHandOver(List.of(), List.of(new TargetPixels(target,
                ByteBuffer.allocate(31))));
        HalError error = to.adoptObjects(missing, from.handles()).errorOrNull();
        assertEquals(ErrorCategory.INVALID_PARAMETER, error.category());
        assertTrue(error.message().contains("holds 31 bytes, not its 32"), error.message());
    }

    @Test
    void droppingReleasesEverythingAndSaysWhat() {
        RenderTarget target = from.createRenderTarget(4, 4, PixelFormat.RGBA8888).orElseThrow();
        from.createBuffer(100, BufferUsage.STATIC).orElseThrow();
        assertEquals(new LiveObjects(2, 164), from.dropObjects());
        assertEquals(LiveObjects.NONE, from.liveObjects());
        assertEquals(0, from.stats().orElseThrow().usedBytes());
        assertEquals(ErrorCategory.NOT_FOUND, from.clear(target, RED).errorOrNull().category());
    }
}
