package flight.hal.driver.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.PerformanceTier;
import flight.hal.graphics.BufferImage;
import flight.hal.graphics.BufferUsage;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.thread.ThreadingModel;

class WebProfileTest {
    private static final long MB = 1024 * 1024;

    /** Counts the GC hints instead of collecting. */
    private static final class CountingWebMemoryDriver extends WebMemoryDriver {
        int hints;

        @Override
        protected void collectGarbage() {
            hints++;
        }
    }

    @Test
    void fiftyMegabytesWithAGcHintOnCrossingForty() {
        CountingWebMemoryDriver memory = new CountingWebMemoryDriver();
        memory.initialize().orElseThrow();
        HalResult<MemoryAllocation> overLimit = memory.allocate(AllocationRequest.of(50 * MB + 1));
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, overLimit.errorOrNull().category());
        assertTrue(overLimit.errorOrNull().message().contains("maximum single allocation of 52428800 bytes"));
        for (int i = 0; i < 40; i++) {
            memory.allocate(AllocationRequest.of(MB)).orElseThrow();
        }
        assertEquals(0, memory.hints);
        memory.allocate(AllocationRequest.of(8)).orElseThrow();
        assertEquals(1, memory.hints);
        memory.allocate(AllocationRequest.of(10 * MB - 8)).orElseThrow();
        HalResult<MemoryAllocation> full = memory.allocate(AllocationRequest.of(8));
        assertEquals(ErrorCategory.OUT_OF_MEMORY, full.errorOrNull().category());
        assertTrue(full.errorOrNull().message().contains("heap partition of 52428800 bytes, 0 free"));
        assertEquals(1, memory.hints);
        memory.shutdown();
    }

    @Test
    void itIsAStandardSandboxedPlatformWithWebGlAndWebAudio() {
        WebMemoryDriver memory = new WebMemoryDriver();
        assertEquals(EnumSet.of(HalCapability.BASIC_MEMORY, HalCapability.WEBGL, HalCapability.WEB_AUDIO,
                HalCapability.SANDBOX_RESTRICTIONS), memory.capabilities());
        assertEquals(PerformanceTier.STANDARD, memory.performanceTier());
        assertEquals(8, memory.platformInfo().memoryAlignment());
        assertEquals(65536, memory.platformInfo().pageSize());
    }

    @Test
    void graphicsHaveWebGlsFormatsAndTextureSize() {
        WebGraphicsDriver graphics = new WebGraphicsDriver();
        graphics.initialize().orElseThrow();
        assertEquals(ErrorCategory.UNSUPPORTED_FORMAT,
                graphics.createRenderTarget(64, 64, PixelFormat.ARGB1555).errorOrNull().category());
        assertTrue(graphics.createRenderTarget(4096, 4, PixelFormat.RGB888).isOk());
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES,
                graphics.createRenderTarget(4097, 4, PixelFormat.RGB888).errorOrNull().category());
        graphics.shutdown();
    }

    @Test
    void fourWorkersAdmitAtMost256TasksAtOnce() {
        WebThreadDriver threads = new WebThreadDriver();
        threads.initialize().orElseThrow();
        assertEquals(ThreadingModel.WORKER_POOL, threads.threadingModel());
        assertEquals(4, threads.workerCount());
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            int index = i;
            tasks.add(() -> ran.add(index));
        }
        HalResult<Void> tooMany = threads.executeParallel(tasks);
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, tooMany.errorOrNull().category());
        assertTrue(tooMany.errorOrNull().message().contains("257 tasks exceed the limit of 256 tasks"));
        assertTrue(ran.isEmpty());
        threads.executeParallel(tasks.subList(0, 256)).orElseThrow();
        assertEquals(256, ran.size());
        threads.shutdown();
    }

    @Test
    void aPspBufferAndADreamcastAllocationAreForeignHere() {
        WebGraphicsDriver graphics = new WebGraphicsDriver();
        WebMemoryDriver memory = new WebMemoryDriver();
        graphics.initialize().orElseThrow();
        memory.initialize().orElseThrow();
        RenderTarget target = graphics.createRenderTarget(2, 2, PixelFormat.RGB565).orElseThrow();
        GraphicsBuffer psp = new GraphicsBuffer(HandleIssuer.forDriver("psp.graphics").issue(),
                ByteBuffer.allocate(8), BufferUsage.STAGING, 0);
        assertEquals(HandleIssuer.FOREIGN_HANDLE,
                graphics.blit(new BufferImage(psp, 2, 2, PixelFormat.RGB565), target, 0, 0).errorOrNull().code());
        assertFalse(graphics.isValidBuffer(psp));
        long dreamcast = HandleIssuer.forDriver("dreamcast.memory").issue();
        assertEquals(HandleIssuer.FOREIGN_HANDLE, memory.allocationInfo(dreamcast).errorOrNull().code());
        assertFalse(memory.isValid(dreamcast));
        assertEquals(0, graphics.stats().orElseThrow().buffers(), "refusals change nothing");
        graphics.shutdown();
        memory.shutdown();
    }
}
