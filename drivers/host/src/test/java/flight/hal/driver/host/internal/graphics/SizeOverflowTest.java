package flight.hal.driver.host.internal.graphics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.graphics.BufferImage;
import flight.hal.graphics.BufferUsage;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.GraphicsStats;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.driver.host.internal.memory.HostMemoryDriver;

/**
 * Regressions: on the host, which has no texture memory limit, a target or image of {@code Integer.MAX_VALUE} pixels
 * square in a four-byte format wrapped its size product to a small or negative number, so it was accepted and the
 * stats went negative.
 */
class SizeOverflowTest {
    private final HostGraphicsDriver driver = new HostGraphicsDriver();

    SizeOverflowTest() {
        driver.hostMemory = new HostMemoryDriver();
        driver.initialize().orElseThrow();
    }

    @Test
    void theLargestTargetIsRefusedAndCountsNothing() {
        GraphicsStats before = driver.stats().orElseThrow();
        for (PixelFormat format : PixelFormat.values()) {
            assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, driver.createRenderTarget(Integer.MAX_VALUE,
                    Integer.MAX_VALUE, format).errorOrNull().category(), format.name());
        }
        assertEquals(before, driver.stats().orElseThrow());
    }

    @Test
    void anImageWhoseSizeOverflowsDoesNotFitItsBuffer() {
        GraphicsBuffer buffer = driver.createBuffer(64, BufferUsage.STAGING).orElseThrow();
        RenderTarget target = driver.createRenderTarget(8, 8, PixelFormat.RGBA8888).orElseThrow();
        BufferImage huge = new BufferImage(buffer, Integer.MAX_VALUE, Integer.MAX_VALUE, PixelFormat.RGBA8888);
        assertEquals(Long.MAX_VALUE, huge.sizeInBytes());
        assertEquals(ErrorCategory.INVALID_PARAMETER, driver.blit(huge, target, 0, 0).errorOrNull().category());
    }
}
