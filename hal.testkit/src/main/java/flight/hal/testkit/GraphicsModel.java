package flight.hal.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import flight.hal.HalResult;
import flight.hal.graphics.BufferUsage;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.graphics.GraphicsStats;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;

/**
 * What a graphics driver under test should hold: its live render targets with the colour of every pixel, its live
 * buffers, the objects it released, and objects of a second driver of the same kind, foreign to it.
 */
public final class GraphicsModel implements AutoCloseable {
    final GraphicsDriver driver;
    final GraphicsDriver other;
    final RenderTarget foreignTarget;
    final GraphicsBuffer foreignBuffer;
    final List<PixelFormat> formats;
    final Map<RenderTarget, int[]> targets = new LinkedHashMap<>();
    final List<RenderTarget> releasedTargets = new ArrayList<>();
    final List<GraphicsBuffer> buffers = new ArrayList<>();
    final List<GraphicsBuffer> releasedBuffers = new ArrayList<>();
    long calls;

    GraphicsModel(GraphicsDriver driver, GraphicsDriver other) {
        this.driver = driver;
        this.other = other;
        this.formats = driver.limits().formats().stream().sorted().toList();
        this.foreignTarget = other.createRenderTarget(4, 4, formats.get(0)).valueOrNull();
        this.foreignBuffer = other.createBuffer(64, BufferUsage.STATIC).valueOrNull();
    }

    /** The driver's accounting, which a refused call must leave as it was. */
    GraphicsStats stats() {
        HalResult<GraphicsStats> stats = driver.stats();
        assertTrue(stats != null && stats.isOk(), () -> "stats() failed: " + stats);
        return stats.valueOrNull();
    }

    /** Records the colour {@code argb} for a rectangle of {@code target}, as its format stores it. */
    void paint(RenderTarget target, int x, int y, int width, int height, int argb) {
        int[] pixels = targets.get(target);
        int stored = target.format().quantize(argb);
        for (int row = y; row < y + height; row++) {
            Arrays.fill(pixels, row * target.width() + x, row * target.width() + x + width, stored);
        }
    }

    /** Every live target is valid and reads back as painted; released ones are invalid; stats count the live. */
    void checkInvariants() {
        targets.forEach((target, expected) -> {
            assertTrue(driver.isValidRenderTarget(target), () -> "live target " + target + " invalid");
            HalResult<int[]> read = driver.readPixels(target, 0, 0, target.width(), target.height());
            assertTrue(read != null && read.isOk(), () -> "readPixels of all of " + target + ": " + read);
            assertArrayEquals(expected, read.valueOrNull(), () -> "pixels of " + target);
        });
        releasedTargets.forEach(target -> assertFalse(driver.isValidRenderTarget(target),
                () -> "released target " + target + " valid"));
        buffers.forEach(buffer -> assertTrue(driver.isValidBuffer(buffer), () -> "live buffer " + buffer));
        releasedBuffers.forEach(buffer -> assertFalse(driver.isValidBuffer(buffer), () -> "released " + buffer));
        GraphicsStats stats = stats();
        assertEquals(targets.size(), stats.renderTargets(), () -> "render targets in " + stats);
        assertEquals(buffers.size(), stats.buffers(), () -> "buffers in " + stats);
        assertTrue(stats.usedBytes() >= 0 && stats.usedBytes() <= stats.textureMemoryBytes(),
                () -> "used bytes of " + stats);
    }

    @Override
    public void close() {
        driver.shutdown();
        other.shutdown();
    }

    @Override
    public String toString() {
        return driver.name() + " with " + targets.size() + " targets and " + buffers.size() + " buffers after "
                + calls + " calls";
    }
}
