package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.resources.OwnerStats;
import flight.hal.resources.PoolBlock;
import flight.hal.resources.PoolConfig;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourcePool;
import flight.hal.resources.ResourceRef;
import flight.hal.resources.ResourceType;
import flight.hal.resources.ScopedResource;

/** Per-bundle accounting through bundle-scoped managers, per-bundle budgets, and what a stopping bundle leaves. */
@RunWith(PaxExam.class)
public class ResourceAccountingIT extends ResourceItSupport {
    private static final ResourceType MEMORY = ResourceType.MEMORY;

    @Configuration
    public Option[] configuration() {
        return options(resourceFramework());
    }

    @Test
    public void eachBundleIsChargedForWhatItAcquires() throws Exception {
        Bundle audio = startBundle("it.audio");
        Bundle video = startBundle("it.video");
        ResourceManager audioManager = managerOf(audio);
        ResourceManager videoManager = managerOf(video);
        ResourceRef<String> buffer = audioManager.acquire("AudioBuffer", ResourceMetadata.of(MEMORY, 1000),
                () -> "samples").orElseThrow();
        videoManager.acquireScoped("Framebuffer", ResourceMetadata.of(MEMORY, 3000)).orElseThrow();

        assertEquals(audio.getBundleId(), buffer.handle().ownerBundleId());
        assertEquals("it.audio", buffer.handle().ownerSymbolicName());
        assertEquals(1000, audioManager.ownStats(MEMORY).currentUsage());
        assertEquals(3000, videoManager.ownStats(MEMORY).currentUsage());
        assertEquals(0, manager.ownStats(MEMORY).currentUsage());
        assertEquals(4000, administration.stats(MEMORY).currentUsage());
        assertEquals(List.of("AudioBuffer"), names(audioManager));
        assertEquals(List.of("Framebuffer"), names(videoManager));
        Map<Long, Long> byOwner = administration.statsByOwner(MEMORY).stream()
                .collect(Collectors.toMap(OwnerStats::bundleId, owner -> owner.stats().currentUsage()));
        assertEquals(Long.valueOf(1000), byOwner.get(audio.getBundleId()));
        assertEquals(Long.valueOf(3000), byOwner.get(video.getBundleId()));

        buffer.close();
        assertEquals(0, audioManager.ownStats(MEMORY).currentUsage());
        assertEquals(3000, administration.stats(MEMORY).currentUsage());
    }

    @Test
    public void oneBundlesBudgetCannotBeUsedByAnother() throws Exception {
        ResourceManager audio = managerOf(startBundle("it.audio"));
        ResourceManager video = managerOf(startBundle("it.video"));
        assertTrue(administration.setBundleBudget("it.audio", MEMORY, ResourceBudget.of(2000, 0)).isOk());
        assertTrue(administration.setBundleBudget("it.video", MEMORY, ResourceBudget.of(2000, 0)).isOk());

        audio.acquireScoped("small", ResourceMetadata.of(MEMORY, 500)).orElseThrow();
        HalError refused = video.acquireScoped("large", ResourceMetadata.of(MEMORY, 2500)).errorOrNull();
        assertEquals(ErrorCategory.BUDGET_EXCEEDED, refused.category());
        assertTrue(refused.message(), refused.message().startsWith("MEMORY budget of bundle it.video ["));
        assertTrue(refused.message(), refused.message().contains("needs 2500 bytes; 0 of the limit 2000"));
        assertTrue(video.acquireScoped("fits", ResourceMetadata.of(MEMORY, 2000)).isOk());
        assertTrue(audio.acquireScoped("rest", ResourceMetadata.of(MEMORY, 1500)).isOk());
        assertTrue(audio.acquireScoped("over", ResourceMetadata.of(MEMORY, 1)).isErr());
        assertEquals(2000, audio.ownStats(MEMORY).currentUsage());
        assertEquals(2000, video.ownStats(MEMORY).currentUsage());
    }

    @Test
    public void aStoppedBundleLeavesNothingAccountedAndALeakReport() throws Exception {
        Bundle leaky = startBundle("it.leaky");
        ResourceManager leakyManager = managerOf(leaky);
        leakyManager.acquire("Texture", ResourceMetadata.of(MEMORY, 4096), () -> "pixels").orElseThrow();
        ScopedResource dma = leakyManager.acquireScoped("DmaChannel", ResourceMetadata.of(ResourceType.HARDWARE, 64))
                .orElseThrow();
        ResourcePool pool = leakyManager.pools().createPool(
                new PoolConfig(MEMORY, 512, 4, 8, 64, true, "Particles")).orElseThrow();
        PoolBlock block = pool.acquire().orElseThrow();
        assertTrue(administration.stats(MEMORY).currentUsage() > 4096);

        leaky.stop();

        assertEquals(0, administration.stats(MEMORY).currentUsage());
        assertEquals(0, administration.stats(ResourceType.HARDWARE).currentUsage());
        assertTrue(administration.statsByOwner(MEMORY).stream()
                .noneMatch(owner -> owner.bundleId() == leaky.getBundleId()));
        assertFalse(dma.isOpen());
        assertTrue(administration.allPools().isEmpty());
        assertEquals(ResourceErrors.POOL_CLOSED, block.release().errorOrNull().code());
        List<ResourceLeak> leaks = administration.leaks();
        assertEquals(List.of("DmaChannel", "Particles", "Texture"),
                leaks.stream().map(leak -> leak.handle().name()).sorted().toList());
        assertTrue(leaks.stream().allMatch(leak -> leak.cause() == ResourceLeak.Cause.OWNER_STOPPED
                && leak.handle().ownerBundleId() == leaky.getBundleId()));
        assertEquals(512, leaks.stream().filter(leak -> leak.handle().name().equals("Particles")).findFirst()
                .orElseThrow().handle().sizeBytes());
    }

    @Test
    public void leakTrackingRecordsWhereALeakedResourceWasAcquired() throws Exception {
        configure(Map.of("leak.tracking", "paranoid"));
        Bundle leaky = startBundle("it.leaky");
        managerOf(leaky).acquireScoped("Tracked", ResourceMetadata.of(MEMORY, 10)).orElseThrow();
        leaky.stop();
        ResourceLeak leak = administration.leaks().get(0);
        assertEquals("Tracked", leak.handle().name());
        assertTrue(leak.acquiredAt(), leak.acquiredAt().contains(getClass().getName()
                + ".leakTrackingRecordsWhereALeakedResourceWasAcquired"));
    }

    @Test
    public void poolsAreFoundByTypeAndBlockSizeAndByName() throws Exception {
        ResourceManager audio = managerOf(startBundle("it.audio"));
        ResourcePool pool = audio.pools().createPool(
                new PoolConfig(MEMORY, 4096, 10, 50, 8, true, "AudioBufferPool")).orElseThrow();
        PoolBlock block = pool.acquire().orElseThrow();
        block.buffer().putInt(0, 42);
        assertEquals(4096, audio.pools().poolStats(MEMORY, 4096).orElseThrow().usedBytes());
        assertEquals(9 * 4096, audio.pools().poolStats("AudioBufferPool").orElseThrow().freeBytes());
        assertEquals(ErrorCategory.NOT_FOUND, manager.pools().poolStats("AudioBufferPool").errorOrNull().category());
        assertEquals(ResourceErrors.POOL_DUPLICATE, audio.pools().createPool(
                new PoolConfig(MEMORY, 4096, 1, 1, 8, true, "Other")).errorOrNull().code());
        assertEquals(10L * 4096 + 7, audio.ownStats(MEMORY).currentUsage());
        block.close();
        pool.close();
        assertEquals(0, audio.ownStats(MEMORY).currentUsage());
        assertTrue(administration.leaks().isEmpty());
    }

    private static List<String> names(ResourceManager manager) {
        return manager.resources().stream().map(handle -> handle.name()).toList();
    }
}
