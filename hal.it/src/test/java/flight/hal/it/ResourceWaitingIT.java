package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.PressureListener;
import flight.hal.resources.Reclaimer;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceType;
import flight.hal.resources.ScopedResource;

/** Acquisitions that do not fit: reclaimers first, then waiting or timing out; and pressure listeners. */
@RunWith(PaxExam.class)
public class ResourceWaitingIT extends ResourceItSupport {
    private static final ResourceType PERFORMANCE = ResourceType.PERFORMANCE;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @Configuration
    public Option[] configuration() {
        return options(resourceFramework());
    }

    @After
    public void stopThreads() {
        threads.shutdownNow();
    }

    private static ResourceMetadata bandwidth(long bytes) {
        return ResourceMetadata.of(PERFORMANCE, bytes);
    }

    /** Registers a reclaimer of PERFORMANCE that counts down {@code asked} and frees nothing. */
    private void whenAsked(CountDownLatch asked) {
        register(Reclaimer.class, (type, bytes) -> {
            asked.countDown();
            return 0;
        }, 0);
    }

    private <S> void register(Class<S> type, S service, int ranking) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ResourceManager.RESOURCE_TYPE_PROPERTY, PERFORMANCE.name());
        properties.put(Constants.SERVICE_RANKING, ranking);
        context.registerService(type, service, properties);
    }

    @Test
    public void aBlockingAcquisitionWakesWhenAnotherBundleReleases() throws Exception {
        administration.setBudget(PERFORMANCE, ResourceBudget.of(1000, 0));
        ScopedResource held = managerOf(startBundle("it.holder")).acquireScoped("held", bandwidth(1000))
                .orElseThrow();
        ResourceManager waiting = managerOf(startBundle("it.waiter"));
        CountDownLatch asked = new CountDownLatch(1);
        whenAsked(asked);

        CompletableFuture<HalResult<ScopedResource>> blocked = CompletableFuture.supplyAsync(
                () -> waiting.acquireScoped("wanted", bandwidth(600), AcquisitionMode.BLOCKING), threads);
        assertTrue(asked.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertFalse("no room before the release", blocked.isDone());
        held.close();

        ScopedResource got = blocked.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).orElseThrow();
        assertEquals(600, waiting.ownStats(PERFORMANCE).currentUsage());
        got.close();
    }

    @Test
    public void aTimeoutAcquisitionTimesOut() throws Exception {
        administration.setBudget(PERFORMANCE, ResourceBudget.of(1000, 0));
        manager.acquireScoped("held", bandwidth(900)).orElseThrow();
        HalError error = managerOf(startBundle("it.waiter"))
                .acquireScoped("late", bandwidth(200), AcquisitionMode.timeout(Duration.ofMillis(50))).errorOrNull();
        assertEquals(ErrorCategory.TIMEOUT, error.category());
        assertEquals(ResourceErrors.ACQUIRE_TIMEOUT, error.code());
        assertTrue(error.message(), error.message().contains("'late' of bundle it.waiter ["));
        assertTrue(error.message(), error.message().contains("900 of the limit 1000"));
    }

    @Test
    public void theWaitOfAStoppingBundleEndsWithAnError() throws Exception {
        administration.setBudget(PERFORMANCE, ResourceBudget.of(1000, 0));
        manager.acquireScoped("held", bandwidth(1000)).orElseThrow();
        Bundle waiter = startBundle("it.waiter");
        ResourceManager waiting = managerOf(waiter);
        CountDownLatch asked = new CountDownLatch(1);
        whenAsked(asked);
        CompletableFuture<HalResult<ScopedResource>> blocked = CompletableFuture.supplyAsync(
                () -> waiting.acquireScoped("forever", bandwidth(10), AcquisitionMode.BLOCKING), threads);
        assertTrue(asked.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        waiter.stop();

        HalError error = blocked.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).errorOrNull();
        assertEquals(ResourceErrors.ACQUIRE_CANCELLED, error.code());
        assertTrue(error.message(), error.message().endsWith("its bundle stopped"));
        assertEquals(1000, administration.stats(PERFORMANCE).currentUsage());
    }

    @Test
    public void reclaimersAreAskedHighestRankingFirstBeforeAFailure() throws Exception {
        administration.setBudget(PERFORMANCE, ResourceBudget.of(1000, 0));
        ResourceManager cache = managerOf(startBundle("it.cache"));
        ScopedResource first = cache.acquireScoped("cached-1", bandwidth(500)).orElseThrow();
        ScopedResource second = cache.acquireScoped("cached-2", bandwidth(500)).orElseThrow();
        BlockingQueue<String> asked = new LinkedBlockingQueue<>();
        register(Reclaimer.class, (type, bytes) -> {
            asked.add("low " + bytes);
            second.close();
            return 500;
        }, 1);
        register(Reclaimer.class, (type, bytes) -> {
            asked.add("high " + bytes);
            first.close();
            return 300;
        }, 10);

        ScopedResource got = manager.acquireScoped("needed", bandwidth(800)).orElseThrow();

        assertEquals(List.of("high 800", "low 500"), List.copyOf(asked));
        assertEquals(800, administration.stats(PERFORMANCE).currentUsage());
        assertEquals(ErrorCategory.BUDGET_EXCEEDED,
                manager.acquireScoped("more", bandwidth(300)).errorOrNull().category());
        got.close();
    }

    @Test
    public void pressureListenersHearEachLevelChangeOnce() throws Exception {
        administration.setBudget(PERFORMANCE, new ResourceBudget(1000, 0, 80, 90));
        BlockingQueue<ResourcePressure> heard = new LinkedBlockingQueue<>();
        register(PressureListener.class, (type, pressure, stats) -> {
            throw new IllegalStateException("a listener that throws");
        }, 5);
        register(PressureListener.class, (type, pressure, stats) -> heard.add(pressure), 0);
        ScopedResource base = manager.acquireScoped("base", bandwidth(400)).orElseThrow();
        ScopedResource more = manager.acquireScoped("more", bandwidth(250)).orElseThrow();
        ScopedResource high = manager.acquireScoped("high", bandwidth(150)).orElseThrow();
        ScopedResource top = manager.acquireScoped("top", bandwidth(100)).orElseThrow();
        top.close();
        high.close();
        more.close();
        base.close();

        for (ResourcePressure level : List.of(ResourcePressure.LOW, ResourcePressure.MEDIUM, ResourcePressure.HIGH,
                ResourcePressure.CRITICAL, ResourcePressure.HIGH, ResourcePressure.MEDIUM, ResourcePressure.LOW,
                ResourcePressure.NONE)) {
            assertEquals(level, heard.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        // a change of another type, delivered in order after everything before it, marks the end
        CountDownLatch marker = new CountDownLatch(1);
        Dictionary<String, Object> customOnly = new Hashtable<>();
        customOnly.put(ResourceManager.RESOURCE_TYPE_PROPERTY, ResourceType.CUSTOM.name());
        context.registerService(PressureListener.class, (type, pressure, stats) -> marker.countDown(), customOnly);
        administration.setBudget(ResourceType.CUSTOM, ResourceBudget.of(10, 0));
        manager.acquireScoped("marker", ResourceMetadata.of(ResourceType.CUSTOM, 10)).orElseThrow();
        assertTrue(marker.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertNull("each change was heard once", heard.poll());
    }
}
