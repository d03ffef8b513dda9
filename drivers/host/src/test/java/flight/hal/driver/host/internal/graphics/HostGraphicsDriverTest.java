package flight.hal.driver.host.internal.graphics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.graphics.BufferUsage;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.driver.host.internal.memory.HostMemoryDriver;

class HostGraphicsDriverTest {
    private final HostMemoryDriver memory = new HostMemoryDriver();
    private final HostGraphicsDriver driver = new HostGraphicsDriver();

    HostGraphicsDriverTest() {
        driver.hostMemory = memory;
        driver.initialize().orElseThrow();
    }

    @Test
    void everyFormatAndSizesBeyondEveryConsoleAreAccepted() {
        assertEquals(EnumSet.allOf(PixelFormat.class), driver.limits().formats());
        assertTrue(!driver.limits().accountsTextureMemory());
        RenderTarget large = driver.createRenderTarget(4096, 2160, PixelFormat.RGBA8888).orElseThrow();
        driver.fillRect(large, 4000, 2100, 96, 60, 0x80112233).orElseThrow();
        assertArrayEquals(new int[] {0x80112233}, driver.readPixels(large, 4095, 2159, 1, 1).orElseThrow());
        GraphicsBuffer buffer = driver.createBuffer(16L * 1024 * 1024, BufferUsage.STATIC).orElseThrow();
        assertTrue(buffer.data().isDirect());
        assertEquals(Long.MAX_VALUE, driver.stats().orElseThrow().textureMemoryBytes());
    }

    @Test
    void onlyTheJavaBufferLimitBoundsATarget() {
        HalResult<RenderTarget> huge = driver.createRenderTarget(65536, 65536, PixelFormat.RGB565);
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, huge.errorOrNull().category());
        assertTrue(huge.errorOrNull().message().contains("needs 8589934592 bytes, more than the 2147483647 bytes one"
                + " Java buffer holds"), huge.errorOrNull().message());
    }

    @Test
    void itReportsTheHostPlatform() {
        assertEquals("host.graphics", driver.name());
        assertEquals(memory.platformInfo(), driver.platformInfo());
        assertEquals(memory.performanceTier(), driver.performanceTier());
        assertTrue(driver.capabilities().isEmpty());
    }
}
