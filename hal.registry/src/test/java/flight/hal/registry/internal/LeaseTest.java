package flight.hal.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.registry.DriverLease;

class LeaseTest {
    private final Candidate candidate = new Candidate("x", new FakeReference(1, "d", 0), new FakeDriver("d"));
    private final AtomicInteger retiringReleases = new AtomicInteger();
    private final Activation activation = new Activation(candidate, null, retiringReleases::incrementAndGet);
    private final RoleHandle<HalDriver> handle =
            new RoleHandle<>("x", Set.of(), new Owners(), () -> TimeUnit.MILLISECONDS.toNanos(50));

    @Test
    void closingTwiceReleasesOnce() {
        int first = activation.tryAcquire();
        assertTrue(first >= 0);
        Lease<HalDriver> lease = new Lease<>(activation, activation.tryAcquire());
        lease.close();
        lease.close();
        assertEquals(1, activation.openLeases());
        activation.release(first);
        assertEquals(0, activation.openLeases());
    }

    @Test
    void currentFollowsEveryPublication() {
        assertNull(handle.current());
        handle.publish(activation);
        assertSame(candidate.driver, handle.current());
        handle.publish(null);
        assertNull(handle.current());
    }

    @Test
    void aClosedActivationRefusesNewLeasesUntilReopened() {
        assertTrue(activation.closeAndDrain(0));
        assertEquals(-1, activation.tryAcquire());
        assertEquals(0, activation.openLeases());
        activation.reopen();
        assertTrue(activation.tryAcquire() >= 0);
    }

    @Test
    void drainReturnsWhenTheLastLeaseCloses() throws Exception {
        int stripe = activation.tryAcquire();
        CompletableFuture<Boolean> drained =
                CompletableFuture.supplyAsync(() -> activation.closeAndDrain(TimeUnit.SECONDS.toNanos(30)));
        assertFalse(drained.isDone());
        activation.release(stripe);
        assertTrue(drained.get(30, TimeUnit.SECONDS));
    }

    @Test
    void drainGivesUpAfterItsTimeout() {
        activation.tryAcquire();
        assertFalse(activation.closeAndDrain(TimeUnit.MILLISECONDS.toNanos(5)));
        assertEquals(1, activation.openLeases());
    }

    @Test
    void releasingALeaseOnARetiringActivationTellsTheRegistry() {
        activation.retiring(true);
        activation.release(activation.tryAcquire());
        assertEquals(1, retiringReleases.get());
    }

    @Test
    void callRunsUnderALeaseAndReleasesIt() {
        assertEquals("UNAVAILABLE: no driver is selected for x",
                handle.call(driver -> HalResult.ok(1)).errorOrNull().toString());
        handle.publish(activation);
        AtomicLong seenLeases = new AtomicLong();
        HalResult<String> result = handle.call(driver -> {
            seenLeases.set(activation.openLeases());
            return HalResult.ok(driver.name());
        });
        assertEquals("d", result.orElseThrow());
        assertEquals(1, seenLeases.get());
        assertEquals(0, activation.openLeases());
        HalResult<Object> failed = handle.call(driver -> HalResult.err(HalError.timeout("slow")));
        assertTrue(failed.isErr());
        assertEquals(0, activation.openLeases());
    }

    @Test
    void aLeaseOnAnActivationThatStaysClosedTimesOut() {
        handle.publish(activation);
        activation.closeAndDrain(0);
        HalResult<DriverLease<HalDriver>> lease = handle.lease();
        assertEquals("timeout", lease.errorOrNull().code());
    }

    @Test
    void concurrentLeasesAreCountedExactly() throws Exception {
        handle.publish(activation);
        Runnable work = () -> {
            for (int i = 0; i < 20_000; i++) {
                handle.lease().orElseThrow().close();
                handle.call(driver -> HalResult.ok());
            }
        };
        CompletableFuture<Void> first = CompletableFuture.runAsync(work);
        CompletableFuture<Void> second = CompletableFuture.runAsync(work);
        CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);
        assertEquals(0, activation.openLeases());
    }
}
