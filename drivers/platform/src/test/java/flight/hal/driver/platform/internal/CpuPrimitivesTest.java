package flight.hal.driver.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import flight.hal.platform.SpinLock;

class CpuPrimitivesTest {
    private final HostCpuPrimitives cpu = new HostCpuPrimitives();

    /** A counter only the lock protects: unsynchronized increments would lose updates. */
    private long counter;

    @Test
    void theSpinlockExcludesContendingThreads() {
        SpinLock lock = cpu.newSpinLock();
        int threads = 4;
        int increments = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(CompletableFuture.runAsync(() -> {
                awaitQuietly(start);
                for (int i = 0; i < increments; i++) {
                    lock.lock();
                    try {
                        counter++;
                    } finally {
                        lock.unlock();
                    }
                }
            }, runnable -> new Thread(runnable).start()));
        }
        start.countDown();
        workers.forEach(CompletableFuture::join);
        cpu.fullFence();
        assertEquals((long) threads * increments, counter);
    }

    @Test
    void tryLockNeverWaitsAndOnlyTheHolderUnlocks() throws Exception {
        SpinLock lock = cpu.newSpinLock();
        assertTrue(lock.tryLock());
        assertFalse(CompletableFuture.supplyAsync(lock::tryLock).get());
        assertThrows(IllegalMonitorStateException.class, () -> {
            try {
                CompletableFuture.runAsync(lock::unlock).join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause();
            }
        });
        cpu.releaseFence();
        lock.unlock();
        cpu.acquireFence();
        assertThrows(IllegalMonitorStateException.class, lock::unlock);
        assertTrue(lock.tryLock());
    }

    @Test
    void clockIsMonotonicAndRandomNumbersDiffer() {
        SystemClock clock = new SystemClock();
        long before = clock.nanoTime();
        assertTrue(clock.nanoTime() >= before);
        ThreadLocalRandomSource random = new ThreadLocalRandomSource();
        Set<Long> values = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            values.add(random.nextLong());
        }
        assertEquals(100, values.size());
        assertNotEquals(0, values.stream().mapToLong(Long::longValue).reduce(0, (a, b) -> a | b) >>> 63);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Regression: a second lock() by the holder spun forever (the lock is not reentrant); it now throws at once. */
    @Test
    void aSecondLockByTheHolderThrowsInsteadOfSpinningForever() {
        SpinLock lock = new HostCpuPrimitives().newSpinLock();
        lock.lock();
        assertThrows(IllegalMonitorStateException.class, lock::lock);
        lock.unlock();
        assertTrue(lock.tryLock(), "the failed lock left it as it was");
        lock.unlock();
    }
}
