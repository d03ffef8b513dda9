package flight.hal.driver.dreamcast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.thread.ThreadingModel;

class DreamcastGraphicsAndThreadTest {

    @Test
    void graphicsAre640x480In16BitFormatsWithEightMegabytesOfTextureMemory() {
        DreamcastGraphicsDriver graphics = new DreamcastGraphicsDriver();
        graphics.initialize().orElseThrow();
        assertEquals(EnumSet.of(PixelFormat.RGB565, PixelFormat.ARGB1555), graphics.limits().formats());
        HalResult<RenderTarget> tooWide = graphics.createRenderTarget(641, 480, PixelFormat.RGB565);
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, tooWide.errorOrNull().category());
        assertTrue(tooWide.errorOrNull().message().contains("maximum resolution of 640x480"));
        HalResult<RenderTarget> trueColour = graphics.createRenderTarget(64, 64, PixelFormat.RGBA8888);
        assertEquals(ErrorCategory.UNSUPPORTED_FORMAT, trueColour.errorOrNull().category());
        assertTrue(trueColour.errorOrNull().message().contains("not supported on Sega Dreamcast"));

        for (int i = 0; i < 13; i++) { // 13 frames of 614400 bytes fit 8 MiB, a 14th does not
            graphics.createRenderTarget(640, 480, PixelFormat.ARGB1555).orElseThrow();
        }
        HalResult<RenderTarget> fourteenth = graphics.createRenderTarget(640, 480, PixelFormat.RGB565);
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, fourteenth.errorOrNull().category());
        assertTrue(fourteenth.errorOrNull().message().contains("7987200 of the 8388608 bytes of texture memory"),
                fourteenth.errorOrNull().message());
        graphics.shutdown();
    }

    @Test
    void everyTaskRunsOnTheOneSh4() {
        DreamcastThreadDriver threads = new DreamcastThreadDriver();
        threads.initialize().orElseThrow();
        assertEquals(ThreadingModel.SINGLE_THREAD, threads.threadingModel());
        assertEquals(1, threads.workerCount());
        Set<String> names = ConcurrentHashMap.newKeySet();
        Runnable record = () -> names.add(Thread.currentThread().getName());
        threads.executeParallel(List.of(record, record, record)).orElseThrow();
        assertEquals(Set.of("dreamcast-sh4"), names);
        threads.shutdown();
    }
}
