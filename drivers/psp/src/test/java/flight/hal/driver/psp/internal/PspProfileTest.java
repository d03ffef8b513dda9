package flight.hal.driver.psp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.PerformanceTier;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryType;
import flight.hal.thread.ThreadingModel;

class PspProfileTest {
    private static final long MAIN_PARTITION = 23_488_096; // 70 % of 32 MiB in whole 16-byte blocks
    private static final long MEDIA_ENGINE_PARTITION = 1_677_712; // 80 % of 2 MiB in whole 16-byte blocks

    @Test
    void mediaProcessingUsesTheMediaEnginePartitionUntilItIsFullThenMain() {
        PspMemoryDriver memory = new PspMemoryDriver();
        memory.initialize().orElseThrow();
        assertEquals(MAIN_PARTITION, memory.stats(MemoryType.SYSTEM).orElseThrow().totalBytes());
        assertEquals(MEDIA_ENGINE_PARTITION, memory.stats(MemoryType.MEDIA).orElseThrow().totalBytes());
        AllocationRequest audio = AllocationRequest.of(MEDIA_ENGINE_PARTITION).withFlags(MemoryFlag.MEDIA_PROCESSING);
        assertEquals(MemoryType.MEDIA, memory.allocate(audio).orElseThrow().type());
        MemoryAllocation spilled = memory.allocate(audio).orElseThrow();
        assertEquals(MemoryType.SYSTEM, spilled.type());
        assertEquals(0, spilled.buffer().alignmentOffset(0, 16));
        HalResult<MemoryAllocation> engineOnly = memory.allocate(AllocationRequest.of(16).withType(MemoryType.MEDIA));
        assertEquals(ErrorCategory.OUT_OF_MEMORY, engineOnly.errorOrNull().category());
        assertTrue(engineOnly.errorOrNull().message().contains("media-engine partition of 1677712 bytes, 0 free"));
        assertEquals(MEDIA_ENGINE_PARTITION, memory.stats(MemoryType.SYSTEM).orElseThrow().usedBytes());
        memory.shutdown();
    }

    @Test
    void itIsALimitedDualCorePlatformWith3d() {
        PspMemoryDriver memory = new PspMemoryDriver();
        assertEquals(EnumSet.of(HalCapability.BASIC_MEMORY, HalCapability.HARDWARE_3D, HalCapability.DUAL_CORE),
                memory.capabilities());
        assertEquals(PerformanceTier.LIMITED, memory.performanceTier());
        assertEquals(16, memory.platformInfo().memoryAlignment());
        assertEquals(32L * 1024 * 1024, memory.platformInfo().machineMemoryBytes());
        assertEquals(MAIN_PARTITION, memory.maxAllocationSize());
    }

    @Test
    void graphicsAreTheDisplaysSizeWithTwoMegabytesOfVram() {
        PspGraphicsDriver graphics = new PspGraphicsDriver();
        graphics.initialize().orElseThrow();
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES,
                graphics.createRenderTarget(480, 273, PixelFormat.RGB565).errorOrNull().category());
        assertEquals(ErrorCategory.UNSUPPORTED_FORMAT,
                graphics.createRenderTarget(480, 272, PixelFormat.RGB888).errorOrNull().category());
        for (int i = 0; i < 4; i++) { // four 32-bit frames of 522240 bytes fit 2 MiB, a fifth does not
            graphics.createRenderTarget(480, 272, PixelFormat.RGBA8888).orElseThrow();
        }
        HalResult<RenderTarget> fifth = graphics.createRenderTarget(480, 272, PixelFormat.RGBA8888);
        assertTrue(fifth.errorOrNull().message().contains("2088960 of the 2097152 bytes of texture memory"));
        graphics.shutdown();
    }

    @Test
    void theMainCpuAndTheMediaEngineRunAtOnce() throws Exception {
        PspThreadDriver threads = new PspThreadDriver();
        threads.initialize().orElseThrow();
        assertEquals(ThreadingModel.DUAL_CORE, threads.threadingModel());
        CyclicBarrier bothCores = new CyclicBarrier(2);
        Set<String> names = ConcurrentHashMap.newKeySet();
        Runnable meet = () -> {
            names.add(Thread.currentThread().getName());
            try {
                bothCores.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        threads.executeParallel(List.of(meet, meet)).orElseThrow();
        assertEquals(Set.of("psp-main-cpu", "psp-media-engine"), names);
        threads.shutdown();
    }

    @Test
    void aWebTargetAndAHostAllocationAreForeignHere() {
        PspGraphicsDriver graphics = new PspGraphicsDriver();
        PspMemoryDriver memory = new PspMemoryDriver();
        graphics.initialize().orElseThrow();
        memory.initialize().orElseThrow();
        RenderTarget web = new RenderTarget(HandleIssuer.forDriver("web.graphics").issue(), 4, 4, PixelFormat.RGB565);
        assertFalse(graphics.isValidRenderTarget(web));
        assertEquals(HandleIssuer.FOREIGN_HANDLE, graphics.releaseRenderTarget(web).errorOrNull().code());
        long host = HandleIssuer.forDriver("host.memory").issue();
        assertEquals(HandleIssuer.FOREIGN_HANDLE, memory.reallocate(host, 64).errorOrNull().code());
        assertEquals(0, graphics.stats().orElseThrow().renderTargets(), "refusals change nothing");
        assertEquals(0, memory.stats().orElseThrow().totalAllocations(), "refusals change nothing");
        graphics.shutdown();
        memory.shutdown();
    }
}
