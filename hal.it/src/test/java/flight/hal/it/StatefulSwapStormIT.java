package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

import flight.hal.HalDriver;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.graphics.GraphicsStats;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryStats;
import flight.hal.registry.DriverHandle;

/**
 * The stateful swap storm of issue 8: two threads each keep ~500 memory allocations and ~20 render targets alive,
 * check their contents and release and replace them at random, while the selected memory and graphics drivers are
 * swapped 300 times among the host, test, Dreamcast and PSP drivers by bundle stop/start, uninstall/install and update.
 * Every call must succeed, every object must keep its contents and be released by its owner (its issuer or the driver
 * that adopted it), and nothing may be left behind.
 */
@RunWith(PaxExam.class)
public class StatefulSwapStormIT extends LiveObjectItSupport {
    private static final long SEED = Long.getLong("hal.it.storm.seed", 0x5EED_0008L);
    private static final int WORKERS = 2;
    private static final int ALLOCATIONS_PER_WORKER = 500;
    private static final int TARGETS_PER_WORKER = 20;
    private static final int MIN_ALLOCATION = 64;
    private static final int MAX_ALLOCATION = 4096;
    /** Small and 16-bit, so that every graphics driver can hold (and adopt) them. */
    private static final int TARGET_SIZE = 16;
    private static final PixelFormat TARGET_FORMAT = PixelFormat.RGB565;
    /** Per cent of the checks after which the object is released and replaced, or rewritten. */
    private static final int REPLACE_PERCENT = 20;
    private static final int REWRITE_PERCENT = 10;
    private static final int SWAPS = 300;
    /** How many failures are quoted in an assertion message. */
    private static final int QUOTED = 20;

    /**
     * One cycle of bundle operations; each moves the memory or the graphics selection or both (an update moves it to
     * the interim driver and back). Twelve steps bring every bundle back where the cycle started, so 300 swaps end
     * with the test drivers active and no profile installed.
     */
    private static final Step[] CYCLE = {
        Step.UPDATE_TEST, Step.INSTALL_DREAMCAST, Step.STOP_TEST, Step.STOP_DREAMCAST, Step.INSTALL_PSP,
        Step.START_TEST, Step.UPDATE_TEST, Step.UNINSTALL_PSP, Step.START_DREAMCAST, Step.UNINSTALL_TEST,
        Step.INSTALL_TEST, Step.UNINSTALL_DREAMCAST};

    private enum Step {
        STOP_TEST, START_TEST, UNINSTALL_TEST, INSTALL_TEST, UPDATE_TEST, INSTALL_DREAMCAST, UNINSTALL_DREAMCAST,
        STOP_DREAMCAST, START_DREAMCAST, INSTALL_PSP, UNINSTALL_PSP
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong verified = new AtomicLong();
    private final AtomicLong releasedByAnotherDriver = new AtomicLong();
    private final AtomicLong releasedByAnotherInstance = new AtomicLong();
    private final Failures failedCalls = new Failures();
    private final Failures mismatches = new Failures();

    private DriverHandle<MemoryDriver> memory;
    private DriverHandle<GraphicsDriver> graphics;
    private Bundle testDrivers;
    private Bundle dreamcast;
    private Bundle psp;

    @Configuration
    public Option[] configuration() {
        return options(halFramework());
    }

    @Test
    public void objectsKeepTheirContentsAndOwnersThroughThreeHundredSwaps() throws Exception {
        System.out.println("StatefulSwapStormIT seed " + SEED + " (set -Dhal.it.storm.seed to repeat another)");
        testDrivers = installTestDrivers();
        awaitSelected(TEST);
        awaitSelected(GRAPHICS, HOST_GRAPHICS);
        memory = registry.handle(MemoryDriver.class);
        graphics = registry.handle(GraphicsDriver.class);

        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] swapNanos;
        try {
            startWorkers(workers, threads);
            swapNanos = swapStorm();
        } finally {
            stopWorkers(threads);
        }
        List<String> failedReleases = new ArrayList<>();
        for (Worker worker : workers) {
            failedReleases.addAll(worker.releaseEverything());
        }
        printFigures(swapNanos);

        assertEquals("failed calls, first " + failedCalls.first, 0, failedCalls.count.get());
        assertEquals("content mismatches, first " + mismatches.first, 0, mismatches.count.get());
        assertEquals("failed releases at the end, first " + failedReleases.subList(0,
                Math.min(QUOTED, failedReleases.size())), 0, failedReleases.size());
        assertTrue("objects were verified while swapping", verified.get() > 0);
        assertTrue("objects were carried from one driver to another", releasedByAnotherInstance.get() > 0);
        awaitNoneRetiring(MEMORY);
        awaitNoneRetiring(GRAPHICS);
        awaitSelected(TEST);
        awaitSelected(GRAPHICS, HOST_GRAPHICS);
        MemoryStats memoryStats = valueOf("memory stats", memory.call(MemoryDriver::stats));
        assertEquals("allocations left in " + TEST, 0, memoryStats.activeAllocations());
        GraphicsStats graphicsStats = valueOf("graphics stats", graphics.call(GraphicsDriver::stats));
        assertEquals("buffers left in " + HOST_GRAPHICS, 0, graphicsStats.buffers());
        assertEquals("render targets left in " + HOST_GRAPHICS, 0, graphicsStats.renderTargets());
        assertNothingHeld(MEMORY);
        assertNothingHeld(GRAPHICS);
    }

    /** Starts the workers and returns once each has made its objects. */
    private void startWorkers(List<Worker> workers, List<Thread> threads) throws InterruptedException {
        CountDownLatch populated = new CountDownLatch(WORKERS);
        for (int index = 0; index < WORKERS; index++) {
            Worker worker = new Worker(new Random(SEED + index), populated);
            workers.add(worker);
            Thread thread = new Thread(worker, "hal-storm-worker-" + index);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        assertTrue("the workers made their objects", populated.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    /** Runs {@value #SWAPS} steps of {@link #CYCLE}; returns how long each took until its selections were made. */
    private long[] swapStorm() throws Exception {
        long[] swapNanos = new long[SWAPS];
        for (int swap = 0; swap < SWAPS; swap++) {
            long start = System.nanoTime();
            apply(CYCLE[swap % CYCLE.length]);
            awaitSelectedAmong(MEMORY, expectedMemoryDrivers());
            awaitSelectedAmong(GRAPHICS, expectedGraphicsDrivers());
            swapNanos[swap] = System.nanoTime() - start;
        }
        return swapNanos;
    }

    private void stopWorkers(List<Thread> threads) throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            assertFalse(thread.getName() + " ended", thread.isAlive());
        }
    }

    private void printFigures(long[] swapNanos) {
        long[] sorted = swapNanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "StatefulSwapStormIT: %d swaps, %d calls (%d failed), %d objects created,"
                        + " %d verified (%d mismatches), %d released by another driver than their issuer"
                        + " (%d by another driver instance); swap ms p50 %.1f p99 %.1f max %.1f; seed %d%n",
                sorted.length, calls.get(), failedCalls.count.get(), created.get(), verified.get(),
                mismatches.count.get(), releasedByAnotherDriver.get(), releasedByAnotherInstance.get(),
                millis(percentile(sorted, 50)), millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]),
                SEED);
    }

    private void apply(Step step) throws Exception {
        switch (step) {
            case STOP_TEST -> testDrivers.stop();
            case START_TEST -> testDrivers.start();
            case UPDATE_TEST -> testDrivers.update();
            case UNINSTALL_TEST -> {
                testDrivers.uninstall();
                testDrivers = null;
            }
            case INSTALL_TEST -> testDrivers = installAndStart(TESTING_DRIVERS);
            case INSTALL_DREAMCAST -> dreamcast = installAndStart(DREAMCAST_DRIVERS);
            case UNINSTALL_DREAMCAST -> {
                dreamcast.uninstall();
                dreamcast = null;
            }
            case STOP_DREAMCAST -> dreamcast.stop();
            case START_DREAMCAST -> dreamcast.start();
            case INSTALL_PSP -> psp = installAndStart(PSP_DRIVERS);
            case UNINSTALL_PSP -> {
                psp.uninstall();
                psp = null;
            }
        }
    }

    /** test.memory (100) when its bundle is active, else the active profiles' (50, equal), else host.memory (10). */
    private Set<String> expectedMemoryDrivers() {
        if (isActive(testDrivers)) {
            return Set.of(TEST);
        }
        Set<String> profiles = activeProfileDrivers(DREAMCAST_MEMORY, PSP_MEMORY);
        return profiles.isEmpty() ? Set.of(HOST) : profiles;
    }

    /** The active profiles' graphics drivers (50, equal), else host.graphics (10). */
    private Set<String> expectedGraphicsDrivers() {
        Set<String> profiles = activeProfileDrivers(DREAMCAST_GRAPHICS, PSP_GRAPHICS);
        return profiles.isEmpty() ? Set.of(HOST_GRAPHICS) : profiles;
    }

    private Set<String> activeProfileDrivers(String dreamcastDriver, String pspDriver) {
        Set<String> drivers = new TreeSet<>();
        if (isActive(dreamcast)) {
            drivers.add(dreamcastDriver);
        }
        if (isActive(psp)) {
            drivers.add(pspDriver);
        }
        return drivers;
    }

    private static boolean isActive(Bundle bundle) {
        return bundle != null && bundle.getState() == Bundle.ACTIVE;
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** Failures counted, and the first few of them kept to be quoted. */
    private static final class Failures {
        final AtomicLong count = new AtomicLong();
        final ConcurrentLinkedQueue<String> first = new ConcurrentLinkedQueue<>();

        void add(String failure) {
            if (count.incrementAndGet() <= QUOTED) {
                first.add(failure);
            }
        }
    }

    /** A memory allocation a worker holds, with the generation its contents were last written for. */
    private static final class HeldAllocation {
        final MemoryAllocation allocation;
        int generation;

        HeldAllocation(MemoryAllocation allocation) {
            this.allocation = allocation;
        }

        long handle() {
            return allocation.handle();
        }
    }

    /** A render target a worker holds, with the generation its pixels were last painted for. */
    private static final class HeldTarget {
        final RenderTarget target;
        int generation;

        HeldTarget(RenderTarget target) {
            this.target = target;
        }

        long handle() {
            return target.handle();
        }
    }

    /** One client of the HAL: its own objects, its own random sequence. */
    private final class Worker implements Runnable {
        private final Random random;
        private final long seed;
        private final CountDownLatch populated;
        private final List<HeldAllocation> allocations = new ArrayList<>();
        private final List<HeldTarget> targets = new ArrayList<>();

        Worker(Random random, CountDownLatch populated) {
            this.random = random;
            this.seed = random.nextLong();
            this.populated = populated;
        }

        @Override
        public void run() {
            try {
                for (int i = 0; i < ALLOCATIONS_PER_WORKER; i++) {
                    allocate();
                }
                for (int i = 0; i < TARGETS_PER_WORKER; i++) {
                    createTarget();
                }
            } catch (RuntimeException | Error e) {
                failedCalls.add(Thread.currentThread().getName() + " threw while populating: " + e);
            } finally {
                populated.countDown();
            }
            while (running.get()) {
                try {
                    step();
                } catch (RuntimeException | Error e) {
                    failedCalls.add(Thread.currentThread().getName() + " threw: " + e);
                }
            }
        }

        /** Checks one object picked at random, then at random replaces it, rewrites it or leaves it. */
        private void step() {
            if (allocations.isEmpty() && targets.isEmpty()) {
                allocate();
                createTarget();
                return;
            }
            int pick = random.nextInt(allocations.size() + targets.size());
            int action = random.nextInt(100);
            if (pick < allocations.size()) {
                HeldAllocation held = allocations.get(pick);
                verify(held);
                if (action < REPLACE_PERCENT) {
                    allocations.remove(pick);
                    release(held);
                    allocate();
                } else if (action < REPLACE_PERCENT + REWRITE_PERCENT) {
                    held.generation++;
                    fill(held.allocation.buffer(), stamp(seed, held.handle(), held.generation));
                }
            } else {
                HeldTarget held = targets.get(pick - allocations.size());
                verify(held);
                if (action < REPLACE_PERCENT) {
                    targets.remove(held);
                    release(held);
                    createTarget();
                } else if (action < REPLACE_PERCENT + REWRITE_PERCENT) {
                    repaint(held);
                }
            }
        }

        /** A new allocation from the selected driver, filled for generation 0. */
        private void allocate() {
            long size = MIN_ALLOCATION + random.nextInt(MAX_ALLOCATION - MIN_ALLOCATION + 1);
            HalResult<MemoryAllocation> allocated = called(memory.call(driver -> allocateFilled(driver, size, seed)));
            if (allocated.isErr()) {
                failedCalls.add("allocate " + size + " bytes: " + allocated.errorOrNull());
                return;
            }
            allocations.add(new HeldAllocation(allocated.valueOrNull()));
            created.incrementAndGet();
        }

        /** A new render target from the selected driver, painted for generation 0. */
        private void createTarget() {
            HalResult<RenderTarget> made = called(graphics.call(driver ->
                    createPaintedTarget(driver, TARGET_SIZE, TARGET_SIZE, TARGET_FORMAT, seed)));
            if (made.isErr()) {
                failedCalls.add("create render target: " + made.errorOrNull());
                return;
            }
            targets.add(new HeldTarget(made.valueOrNull()));
            created.incrementAndGet();
        }

        /** The client's buffer still holds what was written; its owner still knows the allocation. */
        private void verify(HeldAllocation held) {
            long handle = held.handle();
            int mismatch = firstMismatch(held.allocation.buffer(), stamp(seed, handle, held.generation));
            if (mismatch >= 0) {
                mismatches.add("allocation " + handle + " of " + HandleIssuer.issuerName(handle)
                        + ", generation " + held.generation + ": byte " + mismatch + " differs");
            }
            HalResult<MemoryAllocation> info = called(memory.callOwner(handle, owner -> owner.allocationInfo(handle)));
            if (info.isErr()) {
                failedCalls.add("allocationInfo " + handle + ": " + info.errorOrNull());
            } else if (info.valueOrNull().size() != held.allocation.size()) {
                mismatches.add("allocation " + handle + " is " + info.valueOrNull().size() + " bytes, was "
                        + held.allocation.size());
            }
            verified.incrementAndGet();
        }

        /** Its owner reads back the pixels last painted. */
        private void verify(HeldTarget held) {
            RenderTarget target = held.target;
            HalResult<int[]> pixels = called(graphics.callOwner(target.handle(),
                    owner -> owner.readPixels(target, 0, 0, target.width(), target.height())));
            if (pixels.isErr()) {
                failedCalls.add("readPixels " + target.handle() + ": " + pixels.errorOrNull());
                return;
            }
            if (!showsPainting(pixels.valueOrNull(), target, stamp(seed, target.handle(), held.generation))) {
                mismatches.add("render target " + target.handle() + " of " + HandleIssuer.issuerName(target.handle())
                        + ", generation " + held.generation + ": pixels differ");
            }
            verified.incrementAndGet();
        }

        private void repaint(HeldTarget held) {
            int generation = held.generation + 1;
            HalResult<Void> painted = called(graphics.callOwner(held.handle(),
                    owner -> paint(owner, held.target, stamp(seed, held.handle(), generation))));
            if (painted.isErr()) {
                failedCalls.add("repaint " + held.handle() + ": " + painted.errorOrNull());
                return;
            }
            held.generation = generation;
        }

        /** Released by whichever driver owns it now; true when that worked. */
        private boolean release(HeldAllocation held) {
            long handle = held.handle();
            AtomicReference<HalDriver> owner = new AtomicReference<>();
            HalResult<Void> released = called(memory.callOwner(handle, driver -> {
                owner.set(driver);
                return driver.deallocate(handle);
            }));
            return countRelease("deallocate", handle, owner.get(), released);
        }

        private boolean release(HeldTarget held) {
            long handle = held.handle();
            AtomicReference<HalDriver> owner = new AtomicReference<>();
            HalResult<Void> released = called(graphics.callOwner(handle, driver -> {
                owner.set(driver);
                return driver.releaseRenderTarget(held.target);
            }));
            return countRelease("releaseRenderTarget", handle, owner.get(), released);
        }

        private boolean countRelease(String call, long handle, HalDriver owner, HalResult<Void> released) {
            if (released.isErr()) {
                failedCalls.add(call + " " + handle + " of " + HandleIssuer.issuerName(handle) + ": "
                        + released.errorOrNull());
                return false;
            }
            if (!owner.name().equals(issuerDriverName(handle))) {
                releasedByAnotherDriver.incrementAndGet();
            }
            if (isAnotherInstanceThanIssuerOf(owner, handle)) {
                releasedByAnotherInstance.incrementAndGet();
            }
            return true;
        }

        /** After the storm (the worker has ended): releases every object it holds; returns the releases that failed. */
        List<String> releaseEverything() {
            List<String> failed = new ArrayList<>();
            for (HeldAllocation held : allocations) {
                verify(held);
                if (!release(held)) {
                    failed.add("allocation " + held.handle() + " of " + HandleIssuer.issuerName(held.handle()));
                }
            }
            for (HeldTarget held : targets) {
                verify(held);
                if (!release(held)) {
                    failed.add("render target " + held.handle() + " of " + HandleIssuer.issuerName(held.handle()));
                }
            }
            allocations.clear();
            targets.clear();
            return failed;
        }

        private <R> HalResult<R> called(HalResult<R> result) {
            calls.incrementAndGet();
            return result;
        }
    }
}
