package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flight.hal.HalResult;
import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.OwnerStats;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceRef;
import flight.hal.resources.ResourceType;

class ResourceAccountingTest {
    private static final ResourceType MEMORY = ResourceType.MEMORY;

    private final ResourceAccounting accounting = new ResourceAccounting();
    private final BundleAccount owner;

    ResourceAccountingTest() {
        accounting.configure(Map.of("leak.tracking", "paranoid"));
        owner = accounting.open(3, "owner");
    }

    @AfterEach
    void deactivate() {
        accounting.deactivate();
    }

    private <T> HalResult<ResourceRef<T>> acquire(String name, long bytes, T value) {
        return accounting.acquire(owner, name, ResourceMetadata.of(MEMORY, bytes), () -> value,
                AcquisitionMode.NON_BLOCKING);
    }

    private long used() {
        return accounting.ledger.type(MEMORY).stats().currentUsage();
    }

    @Test
    void closingARefReleasesItOnceAndClosesItsValue() {
        AtomicInteger closed = new AtomicInteger();
        ResourceRef<AutoCloseable> ref = acquire("texture", 4096, (AutoCloseable) closed::incrementAndGet)
                .orElseThrow();
        assertEquals(4096, used());
        assertEquals(ref.handle(), owner.resources.get(ref.handle().id()).handle);
        ref.close();
        ref.close();
        assertFalse(ref.isOpen());
        assertEquals(0, used());
        assertEquals(1, closed.get());
        assertThrows(IllegalStateException.class, ref::get);
        assertEquals(1, accounting.ledger.type(MEMORY).stats().allocationCount());
        assertEquals(0, accounting.ledger.type(MEMORY).stats().activeCount());
    }

    @Test
    void aFactoryThatThrowsLeavesNothingReserved() {
        assertThrows(IllegalArgumentException.class, () -> accounting.acquire(owner, "bad",
                ResourceMetadata.of(MEMORY, 100), () -> {
                    throw new IllegalArgumentException("factory bug");
                }, AcquisitionMode.NON_BLOCKING));
        assertEquals(0, used());
        assertEquals(0, owner.usage(MEMORY).current());
    }

    @Test
    void closingTheAccountReleasesEverythingAndReportsWhereItWasAcquired() {
        ResourceRef<String> kept = acquire("kept", 1000, "a").orElseThrow();
        acquire("closed", 500, "b").orElseThrow().close();
        accounting.close(owner);
        assertEquals(0, used());
        assertFalse(kept.isOpen());
        List<ResourceLeak> leaks = accounting.leaks.recent();
        assertEquals(1, leaks.size());
        assertEquals("kept", leaks.get(0).handle().name());
        assertEquals(ResourceLeak.Cause.OWNER_STOPPED, leaks.get(0).cause());
        assertTrue(leaks.get(0).acquiredAt().contains(ResourceAccountingTest.class.getName()),
                leaks.get(0).acquiredAt());
        assertEquals(ResourceErrors.MANAGER_CLOSED, acquire("late", 1, "c").errorOrNull().code());
        assertEquals(0, used());
    }

    @Test
    void aRefDroppedWithoutCloseIsFoundAndReleased() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        acquireAndDrop(released);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!released.await(50, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
            System.gc();
        }
        assertEquals(0, released.getCount(), "the cleaner released the dropped ref");
        assertEquals(0, used());
        ResourceLeak leak = accounting.leaks.recent().get(0);
        assertEquals(ResourceLeak.Cause.UNREACHABLE, leak.cause());
        assertEquals("dropped", leak.handle().name());
    }

    private void acquireAndDrop(CountDownLatch released) {
        acquire("dropped", 64, (AutoCloseable) released::countDown).orElseThrow();
    }

    @Test
    void ownerStatsUseTheBundlesOwnBudgetWhenItHasOne() {
        accounting.budgets.set(MEMORY, ResourceBudget.of(10_000, 0));
        accounting.budgets.setForBundle("owner", MEMORY, ResourceBudget.of(1000, 0));
        acquire("big", 950, "v").orElseThrow();
        OwnerStats stats = accounting.statsByOwner(MEMORY).get(0);
        assertEquals(3, stats.bundleId());
        assertEquals(950, stats.stats().currentUsage());
        assertEquals(ResourceBudget.of(1000, 0), stats.stats().budget());
        assertEquals(ResourcePressure.CRITICAL, stats.stats().pressure());
        assertEquals(ResourcePressure.NONE, accounting.ledger.type(MEMORY).pressure());
    }
}
