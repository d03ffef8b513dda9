package flight.hal.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;

class LeaseTest {
    private final Candidate candidate = new Candidate("x", new FakeReference(1, "d", 0), new FakeDriver("d"));

    @Test
    void closingTwiceReleasesOnce() {
        Binding binding = new Binding(candidate);
        assertTrue(binding.tryAcquire());
        assertTrue(binding.tryAcquire());
        Lease<HalDriver> lease = new Lease<>(binding);
        lease.close();
        lease.close();
        assertEquals(1, binding.openLeases());
    }

    @Test
    void aRetiredBindingRefusesNewLeases() {
        Binding binding = new Binding(candidate);
        assertTrue(binding.retireAndDrain(0));
        assertFalse(binding.tryAcquire());
        assertEquals(0, binding.openLeases());
    }

    @Test
    void drainReturnsWhenTheLastLeaseCloses() throws Exception {
        Binding binding = new Binding(candidate);
        assertTrue(binding.tryAcquire());
        CompletableFuture<Boolean> drained =
                CompletableFuture.supplyAsync(() -> binding.retireAndDrain(TimeUnit.SECONDS.toNanos(30)));
        assertFalse(drained.isDone());
        binding.release();
        assertTrue(drained.get(30, TimeUnit.SECONDS));
    }

    @Test
    void drainGivesUpAfterItsTimeout() {
        Binding binding = new Binding(candidate);
        assertTrue(binding.tryAcquire());
        assertFalse(binding.retireAndDrain(TimeUnit.MILLISECONDS.toNanos(5)));
        assertEquals(1, binding.openLeases());
    }

    @Test
    void callRunsUnderALeaseAndReleasesIt() {
        SelectedDriverHandle<HalDriver> handle = new SelectedDriverHandle<>("x");
        assertEquals("UNAVAILABLE: no driver is selected for x",
                handle.call(driver -> HalResult.ok(1)).errorOrNull().toString());
        Binding binding = new Binding(candidate);
        handle.publish(binding);
        AtomicLong seenLeases = new AtomicLong();
        HalResult<String> result = handle.call(driver -> {
            seenLeases.set(binding.openLeases());
            return HalResult.ok(driver.name());
        });
        assertEquals("d", result.orElseThrow());
        assertEquals(1, seenLeases.get());
        assertEquals(0, binding.openLeases());
        HalResult<Object> failed = handle.call(driver -> HalResult.err(HalError.timeout("slow")));
        assertTrue(failed.isErr());
        assertEquals(0, binding.openLeases());
    }

    @Test
    void concurrentLeasesAreCountedExactly() throws Exception {
        Binding binding = new Binding(candidate);
        SelectedDriverHandle<HalDriver> handle = new SelectedDriverHandle<>("x");
        handle.publish(binding);
        Runnable work = () -> {
            for (int i = 0; i < 20_000; i++) {
                handle.lease().orElseThrow().close();
            }
        };
        CompletableFuture<Void> first = CompletableFuture.runAsync(work);
        CompletableFuture<Void> second = CompletableFuture.runAsync(work);
        CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);
        assertEquals(0, binding.openLeases());
    }
}
