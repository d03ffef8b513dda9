package flight.hal.driver.host.internal.graphics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.graphics.SoftwareGraphicsDriver;
import flight.hal.graphics.BufferUsage;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.GraphicsHandOver;
import flight.hal.graphics.GraphicsLimits;
import flight.hal.graphics.GraphicsStats;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.driver.host.internal.memory.HostMemoryDriver;

/** Host graphics handing buffers and targets to a console's graphics driver, within the console's limits. */
class HostGraphicsHandOverTest {
    private static final long TEXTURE_RAM = 8L * 1024 * 1024;

    /** The Dreamcast's PowerVR2: 640x480 at most, 16-bit formats only, 8 MiB of texture memory. */
    static final class ConsoleGraphicsDriver extends SoftwareGraphicsDriver {
        ConsoleGraphicsDriver() {
            super("console.graphics", new GraphicsLimits(640, 480,
                    EnumSet.of(PixelFormat.RGB565, PixelFormat.ARGB1555), TEXTURE_RAM));
        }

        @Override
        protected PlatformProfile platform() {
            return new PlatformProfile(new PlatformInfo("Console", "SH-4", "", 1 << 24, 32, 1 << 20, 1, 0),
                    EnumSet.of(HalCapability.BASIC_MEMORY), PerformanceTier.MINIMAL);
        }
    }

    private final HostGraphicsDriver host = new HostGraphicsDriver();
    private final ConsoleGraphicsDriver console = new ConsoleGraphicsDriver();

    HostGraphicsHandOverTest() {
        host.hostMemory = new HostMemoryDriver();
        host.initialize().orElseThrow();
        console.initialize().orElseThrow();
    }

    @Test
    void aTrueColourTargetIsRefusedAndNothingChangesInEitherDriver() {
        RenderTarget trueColour = host.createRenderTarget(64, 64, PixelFormat.RGBA8888).orElseThrow();
        host.createBuffer(1000, BufferUsage.STATIC).orElseThrow();
        GraphicsStats hostBefore = host.stats().orElseThrow();
        HalError refused = console.adoptObjects(host.exportObjects().orElseThrow(), host.handles()).errorOrNull();
        assertEquals(ErrorCategory.UNSUPPORTED_FORMAT, refused.category());
        assertTrue(refused.message().contains("render target " + trueColour.handle() + " of host.graphics#"),
                refused.message());
        assertTrue(refused.message().contains("RGBA8888 is not supported on Console"), refused.message());
        assertEquals(new GraphicsStats(TEXTURE_RAM, 0, 0, 0, 0), console.stats().orElseThrow());
        assertFalse(console.isValidRenderTarget(trueColour));
        assertEquals(HandleIssuer.FOREIGN_HANDLE, console.clear(trueColour, 0xFFFFFFFF).errorOrNull().code());
        assertEquals(hostBefore, host.stats().orElseThrow());
        assertTrue(host.isValidRenderTarget(trueColour));
    }

    @Test
    void aSixteenBitTargetMovesWithItsPixels() {
        RenderTarget target = host.createRenderTarget(320, 240, PixelFormat.RGB565).orElseThrow();
        host.clear(target, 0xFF0000FF).orElseThrow();
        host.fillRect(target, 10, 10, 20, 20, 0xFFFF0000).orElseThrow();
        GraphicsBuffer buffer = host.createBuffer(4096, BufferUsage.DYNAMIC).orElseThrow();
        int[] drawn = host.readPixels(target, 0, 0, 320, 240).orElseThrow();
        GraphicsHandOver exported = host.exportObjects().orElseThrow();

        assertEquals(new LiveObjects(2, 320 * 240 * 2 + 4096),
                console.adoptObjects(exported, host.handles()).orElseThrow());
        host.exportCompleted();
        assertEquals(LiveObjects.NONE, host.liveObjects());

        assertArrayEquals(drawn, console.readPixels(target, 0, 0, 320, 240).orElseThrow());
        assertTrue(console.isValidBuffer(buffer));
        assertSame(exported.targets().get(0).pixels(),
                console.exportObjects().orElseThrow().targets().get(0).pixels(), "the console draws into them");
        assertEquals(new GraphicsStats(TEXTURE_RAM, 320 * 240 * 2 + 4096, 320 * 240 * 2 + 4096, 1, 1),
                console.stats().orElseThrow());
        host.shutdown().orElseThrow();
        console.fillRect(target, 0, 0, 1, 1, 0xFF00FF00).orElseThrow();
        assertEquals(0xFF00FF00, console.readPixels(target, 0, 0, 1, 1).orElseThrow()[0]);
        console.releaseRenderTarget(target).orElseThrow();
        console.releaseBuffer(buffer).orElseThrow();
        assertEquals(0, console.stats().orElseThrow().usedBytes(), "the texture memory comes back");
    }

    @Test
    void eachRefusesTheOthersObjects() {
        RenderTarget hostTarget = host.createRenderTarget(4, 4, PixelFormat.RGB565).orElseThrow();
        RenderTarget consoleTarget = console.createRenderTarget(4, 4, PixelFormat.RGB565).orElseThrow();
        GraphicsBuffer consoleBuffer = console.createBuffer(32, BufferUsage.STAGING).orElseThrow();
        assertFalse(host.isValidRenderTarget(consoleTarget) || console.isValidRenderTarget(hostTarget));
        assertFalse(host.isValidBuffer(consoleBuffer));
        HalError refused = host.releaseRenderTarget(consoleTarget).errorOrNull();
        assertEquals(ErrorCategory.INVALID_PARAMETER, refused.category());
        assertEquals(HandleIssuer.FOREIGN_HANDLE, refused.code());
        assertTrue(refused.message().contains("issued by console.graphics#"), refused.message());
        assertEquals(HandleIssuer.FOREIGN_HANDLE, host.releaseBuffer(consoleBuffer).errorOrNull().code());
        assertEquals(HandleIssuer.FOREIGN_HANDLE, console.readPixels(hostTarget, 0, 0, 1, 1).errorOrNull().code());
        assertEquals(1, host.stats().orElseThrow().renderTargets());
        assertEquals(1, console.stats().orElseThrow().buffers());
    }
}
