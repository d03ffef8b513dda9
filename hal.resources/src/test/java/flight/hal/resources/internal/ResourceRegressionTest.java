package flight.hal.resources.internal;

import static flight.hal.testkit.Refusals.assertRefused;
import static flight.hal.testkit.Refusals.assertRefusedWithoutChange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.PoolConfig;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceHandle;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourceType;
import flight.hal.resources.ScopedResource;

/** Defects the property chains found or the issue named, one test each, named after the defect. */
class ResourceRegressionTest {
    private static final long TWO_TO_62 = 1L << 62;

    private final ResourceAccounting accounting = new ResourceAccounting();
    private final ResourceManager manager;
    private final ResourceAdministration admin = TestBundles.administration(accounting);

    ResourceRegressionTest() {
        accounting.configure(Map.of());
        manager = TestBundles.manager(accounting, 3, "alpha");
    }

    @AfterEach
    void stop() {
        ((BundleResourceManager) manager).deactivate();
        accounting.deactivate();
    }

    private List<Object> hardwareStats() {
        return List.of(admin.stats(ResourceType.HARDWARE), manager.ownStats(ResourceType.HARDWARE));
    }

    @Test
    void secondAcquisitionOf2To62BytesOnAnUnlimitedBudgetThrewNullPointerInsteadOfABudgetError() {
        ScopedResource first = manager.acquireScoped("a", ResourceMetadata.of(ResourceType.HARDWARE, TWO_TO_62))
                .orElseThrow();
        HalError error = assertRefusedWithoutChange("second 2^62", () -> manager.acquireScoped("b",
                ResourceMetadata.of(ResourceType.HARDWARE, TWO_TO_62)), this::hardwareStats);
        assertEquals(ErrorCategory.BUDGET_EXCEEDED, error.category());
        assertEquals(ResourceErrors.BUDGET_EXCEEDED, error.code());
        assertTrue(error.message().startsWith("HARDWARE budget exceeded"), error.message());
        first.close();
        assertEquals(0, admin.stats(ResourceType.HARDWARE).currentUsage());
    }

    @Test
    void emergencyAcquisitionsWhoseSumPassesLongMaxWrappedUsageNegative() {
        manager.acquireScoped("a", ResourceMetadata.of(ResourceType.HARDWARE, Long.MAX_VALUE),
                AcquisitionMode.EMERGENCY).orElseThrow();
        HalError error = assertRefusedWithoutChange("emergency past Long.MAX_VALUE", () -> manager.acquireScoped("b",
                ResourceMetadata.of(ResourceType.HARDWARE, 1), AcquisitionMode.EMERGENCY), this::hardwareStats);
        assertEquals(ErrorCategory.BUDGET_EXCEEDED, error.category());
        assertEquals(Long.MAX_VALUE, admin.stats(ResourceType.HARDWARE).currentUsage());
    }

    @Test
    void reservationRefusedByTheTypeBudgetLeftAPeakInTheBundlesStats() {
        admin.setBudget(ResourceType.MEMORY, ResourceBudget.of(1000, 0)).orElseThrow();
        admin.setBundleBudget("alpha", ResourceType.MEMORY, ResourceBudget.of(100_000, 0)).orElseThrow();
        ScopedResource held = manager.acquireScoped("held", ResourceMetadata.of(ResourceType.MEMORY, 900))
                .orElseThrow();
        assertRefusedWithoutChange("past the type budget", () -> manager.acquireScoped("more",
                        ResourceMetadata.of(ResourceType.MEMORY, 200)),
                () -> List.of(admin.stats(ResourceType.MEMORY), manager.ownStats(ResourceType.MEMORY)));
        assertEquals(900, manager.ownStats(ResourceType.MEMORY).peakUsage());
        held.close();
    }

    @Test
    void timeoutTooLongForNanosecondsThrewArithmeticExceptionInsteadOfWaiting() throws Exception {
        admin.setBudget(ResourceType.MEMORY, ResourceBudget.of(1000, 0)).orElseThrow();
        ScopedResource held = manager.acquireScoped("held", ResourceMetadata.of(ResourceType.MEMORY, 1000))
                .orElseThrow();
        CompletableFuture<HalResult<ScopedResource>> waiting = CompletableFuture.supplyAsync(() -> manager
                .acquireScoped("waits", ResourceMetadata.of(ResourceType.MEMORY, 10),
                        AcquisitionMode.timeout(Duration.ofSeconds(Long.MAX_VALUE))));
        while (accounting.ledger.type(ResourceType.MEMORY).waiters.waiting() == 0 && !waiting.isDone()) {
            Thread.onSpinWait();
        }
        held.close();
        HalResult<ScopedResource> granted = waiting.get(30, TimeUnit.SECONDS);
        assertTrue(granted.isOk(), granted::toString);
        granted.valueOrNull().close();
    }

    @Test
    void sharedValueAskedForAsNullTypeThrewInsteadOfAnInvalidParameterError() {
        ScopedResource held = manager.acquireScoped("shared", ResourceMetadata.of(ResourceType.MEMORY, 8))
                .orElseThrow();
        Resource resource = ((BundleResourceManager) manager).issued(held.handle());
        SharedView view = new SharedView(new Share(resource, "driver", 4, new ShareRegistry()), null);
        assertEquals(ErrorCategory.INVALID_PARAMETER, assertRefused(view.value(null), "value(null)").category());
        held.close();
    }

    @Test
    void handleWithAnIssuedIdButOtherComponentsReleasedTheIssuedResource() {
        ScopedResource held = manager.acquireScoped("real", ResourceMetadata.of(ResourceType.MEMORY, 64))
                .orElseThrow();
        ResourceHandle issued = held.handle();
        ResourceHandle forged = new ResourceHandle(issued.id(), "other", issued.metadata(), issued.ownerBundleId(),
                issued.ownerSymbolicName());
        assertEquals(ErrorCategory.NOT_FOUND, assertRefused(manager.release(forged), "release forged").category());
        assertTrue(held.isOpen());
        assertRefused(manager.share(forged, "driver"), "share forged");
        manager.release(issued).orElseThrow();
    }

    @Test
    void unlimitedBundleBudgetWithBadLevelsWasAcceptedUnchecked() {
        ResourceBudget bad = new ResourceBudget(Long.MAX_VALUE, 0, -5, 200);
        assertEquals(ErrorCategory.INVALID_PARAMETER,
                assertRefused(admin.setBundleBudget("alpha", ResourceType.MEMORY, bad), "bad levels").category());
        admin.setBundleBudget("alpha", ResourceType.MEMORY, ResourceBudget.unlimited()).orElseThrow();
    }

    @Test
    void budgetOfANullTypeAnsweredUnlimitedWhereItsJavadocSaysNullPointerException() {
        assertThrows(NullPointerException.class, () -> admin.budget(null));
        assertThrows(NullPointerException.class, () -> admin.stats(null));
        assertThrows(NullPointerException.class, () -> manager.ownStats(null));
        assertThrows(NullPointerException.class, () -> admin.statsByOwner(null));
    }

    @Test
    void poolWithMillionsOfBlocksAllocatedItsBookkeepingUpFrontAndRanOutOfHeap() {
        PoolConfig huge = new PoolConfig(ResourceType.MEMORY, 1, 0, Integer.MAX_VALUE - 2 * PoolConfig.MAX_ALIGNMENT,
                1, true, "huge");
        assertTrue(huge.check().isOk(), "the configuration itself passes its check");
        HalError error = assertRefused(manager.pools().createPool(huge), "createPool " + huge);
        assertEquals(ErrorCategory.INVALID_PARAMETER, error.category());
        assertTrue(error.message().contains(String.valueOf(BlockPool.MAX_BLOCKS)), error.message());
        assertEquals(List.of(), admin.allPools());
    }

    @Test
    void poolStatsOfANullTypeOrNameWereNotFoundInsteadOfInvalidParameter() {
        assertEquals(ErrorCategory.INVALID_PARAMETER, manager.pools().poolStats(null, 64).errorOrNull().category());
        assertEquals(ErrorCategory.INVALID_PARAMETER, manager.pools().poolStats(null).errorOrNull().category());
        assertEquals(ErrorCategory.INVALID_PARAMETER, manager.pools().poolStats(" ").errorOrNull().category());
    }

    @Test
    void reclaimersReportingHugeFreesWrappedTheirSumNegative() {
        Reclaimers reclaimers = new Reclaimers();
        reclaimers.add((type, bytes) -> Long.MAX_VALUE - 1, Map.of());
        reclaimers.add((type, bytes) -> Long.MAX_VALUE - 1, Map.of());
        assertEquals(Long.MAX_VALUE, reclaimers.reclaim(ResourceType.MEMORY, Long.MAX_VALUE));
    }
}
