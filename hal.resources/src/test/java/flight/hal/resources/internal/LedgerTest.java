package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourcePriority;
import flight.hal.resources.ResourceType;

class LedgerTest {
    private static final ResourceType MEMORY = ResourceType.MEMORY;

    private final Reclaimers reclaimers = new Reclaimers();
    private final Ledger ledger = new Ledger(reclaimers, (type, pressure, stats) -> { });
    private final Budgets budgets = new Budgets(ledger);
    private final BundleAccount alpha = new BundleAccount(1, "alpha");
    private final BundleAccount beta = new BundleAccount(2, "beta");
    private final ExecutorService waiters = Executors.newCachedThreadPool();

    LedgerTest() {
        budgets.open(alpha);
        budgets.open(beta);
        budgets.set(MEMORY, ResourceBudget.of(1000, 100));
    }

    @AfterEach
    void stopWaiters() {
        waiters.shutdownNow();
    }

    private HalResult<Void> reserve(BundleAccount owner, long bytes, AcquisitionMode mode) {
        return ledger.reserve(owner, "r" + bytes, ResourceMetadata.of(MEMORY, bytes), mode);
    }

    private HalResult<Void> reserve(BundleAccount owner, long bytes) {
        return reserve(owner, bytes, AcquisitionMode.NON_BLOCKING);
    }

    @Test
    void normalAcquisitionsStopAtMaxMinusReserveAndCriticalOnesMayUseIt() {
        assertTrue(reserve(alpha, 900).isOk());
        assertTrue(reserve(alpha, 1).isErr());
        ResourceMetadata critical = ResourceMetadata.of(MEMORY, 100).withPriority(ResourcePriority.CRITICAL);
        assertTrue(ledger.reserve(alpha, "critical", critical, AcquisitionMode.NON_BLOCKING).isOk());
        assertEquals(1000, ledger.type(MEMORY).stats().currentUsage());
        assertEquals(2, ledger.type(MEMORY).stats().allocationCount());
    }

    @Test
    void aRefusalNamesTypeOwnerAndNumbers() {
        reserve(alpha, 800);
        HalError error = reserve(beta, 200).errorOrNull();
        assertEquals(ErrorCategory.BUDGET_EXCEEDED, error.category());
        assertEquals(ResourceErrors.BUDGET_EXCEEDED, error.code());
        assertTrue(error.message().contains("MEMORY budget exceeded: 'r200' of bundle beta [2] needs 200 bytes; "
                + "800 of the limit 900 for NORMAL priority in use (max 1000, reserved 100)"), error.message());
    }

    @Test
    void emergencyAlwaysSucceedsAndIsCountedAsAnOverrun() {
        reserve(alpha, 900);
        assertTrue(reserve(alpha, 500, AcquisitionMode.EMERGENCY).isOk());
        assertEquals(1400, ledger.type(MEMORY).stats().currentUsage());
        assertEquals(1, ledger.type(MEMORY).stats().overrunCount());
    }

    @Test
    void oneBundlesBudgetCannotBeUsedByAnother() {
        budgets.setForBundle("alpha", MEMORY, ResourceBudget.of(300, 0));
        assertTrue(reserve(alpha, 300).isOk());
        HalError refused = reserve(alpha, 1).errorOrNull();
        assertTrue(refused.message().startsWith("MEMORY budget of bundle alpha [1] exceeded"), refused.message());
        assertTrue(reserve(beta, 600).isOk());
        assertEquals(300, alpha.usage(MEMORY).current());
        assertEquals(600, beta.usage(MEMORY).current());
    }

    @Test
    void reclaimersAreAskedHighestRankingFirstBeforeAFailure() {
        List<String> asked = new ArrayList<>();
        reclaimers.add((type, bytes) -> {
            asked.add("low " + bytes);
            ledger.release(alpha, type, bytes);
            return bytes;
        }, Map.of("service.ranking", 1, "service.id", 7L));
        reclaimers.add((type, bytes) -> {
            asked.add("high " + bytes);
            ledger.release(alpha, type, 100);
            return 100;
        }, Map.of("service.ranking", 10, "service.id", 8L));
        reclaimers.add((type, bytes) -> {
            throw new IllegalStateException("broken reclaimer");
        }, Map.of("service.ranking", 5, "service.id", 9L, "resource.type", "MEMORY"));
        reclaimers.add((type, bytes) -> fail("asked for another type"), Map.of("resource.type", "HARDWARE"));
        reserve(alpha, 900);
        assertTrue(reserve(beta, 300).isOk());
        assertEquals(List.of("high 300", "low 200"), asked);
        assertEquals(600, alpha.usage(MEMORY).current());
    }

    @Test
    void aRequestLargerThanTheWholeBudgetFailsAtOnceEvenWhenBlocking() {
        assertEquals(ResourceErrors.BUDGET_EXCEEDED, reserve(alpha, 901,
                AcquisitionMode.BLOCKING).errorOrNull().code());
    }

    @Test
    void blockingWaitersWakeInArrivalOrderAsReleasesMakeRoom() throws Exception {
        reserve(alpha, 900);
        CompletableFuture<HalResult<Void>> first = waitInLine(beta, 300);
        CompletableFuture<HalResult<Void>> second = waitInLine(beta, 300);
        assertReleaseGrantsOnly(alpha, 300, first, second);
        assertReleaseGrantsOnly(alpha, 300, second, null);
        assertEquals(900, ledger.type(MEMORY).stats().currentUsage());
    }

    @Test
    void aWaiterHeldBackByItsOwnBundleBudgetDoesNotHoldUpOthers() throws Exception {
        budgets.setForBundle("alpha", MEMORY, ResourceBudget.of(400, 0));
        reserve(alpha, 400);
        reserve(beta, 400);
        CompletableFuture<HalResult<Void>> capped = waitInLine(alpha, 100);
        CompletableFuture<HalResult<Void>> other = waitInLine(beta, 200);
        assertReleaseGrantsOnly(beta, 200, other, capped);
        assertReleaseGrantsOnly(alpha, 100, capped, null);
    }

    /** Releases {@code bytes} of {@code owner}: {@code granted} gets its bytes, {@code stillWaiting} (if any) not. */
    private void assertReleaseGrantsOnly(BundleAccount owner, long bytes, CompletableFuture<HalResult<Void>> granted,
                                         CompletableFuture<HalResult<Void>> stillWaiting) throws Exception {
        ledger.release(owner, MEMORY, bytes);
        assertTrue(granted.get(10, TimeUnit.SECONDS).isOk());
        assertTrue(stillWaiting == null || !stillWaiting.isDone());
    }

    @Test
    void aTimeoutAcquisitionTimesOutWithATimeoutError() throws Exception {
        reserve(alpha, 900);
        HalError error = waitFor(beta, 10, AcquisitionMode.timeout(Duration.ofMillis(20)))
                .get(10, TimeUnit.SECONDS).errorOrNull();
        assertEquals(ErrorCategory.TIMEOUT, error.category());
        assertEquals(ResourceErrors.ACQUIRE_TIMEOUT, error.code());
        assertTrue(error.message().contains("'r10' of bundle beta [2] waited 20 ms for 10 bytes of MEMORY"),
                error.message());
        assertEquals(0, waiting());
    }

    @Test
    void closingABundlesAccountEndsItsWaits() throws Exception {
        reserve(alpha, 900);
        CompletableFuture<HalResult<Void>> waiting = waitInLine(beta, 100);
        ledger.remove(beta);
        HalError error = waiting.get(10, TimeUnit.SECONDS).errorOrNull();
        assertEquals(ResourceErrors.ACQUIRE_CANCELLED, error.code());
        assertTrue(error.message().endsWith("its bundle stopped"), error.message());
    }

    /** The bundle stops after its acquisition began but before it queued: it must not wait forever. */
    @Test
    void anAcquisitionOfAnAlreadyClosedAccountDoesNotWait() throws Exception {
        reserve(alpha, 900);
        beta.close();
        ledger.remove(beta);
        HalError error = waitFor(beta, 100, AcquisitionMode.BLOCKING).get(10, TimeUnit.SECONDS).errorOrNull();
        assertEquals(ResourceErrors.ACQUIRE_CANCELLED, error.code());
        assertEquals(0, waiting());
    }

    @Test
    void raisingTheBudgetLetsWaitersIn() throws Exception {
        reserve(alpha, 900);
        CompletableFuture<HalResult<Void>> waiting = waitInLine(beta, 100);
        budgets.set(MEMORY, ResourceBudget.of(2000, 100));
        assertTrue(waiting.get(10, TimeUnit.SECONDS).isOk());
    }

    private CompletableFuture<HalResult<Void>> waitFor(BundleAccount owner, long bytes, AcquisitionMode mode) {
        return CompletableFuture.supplyAsync(() -> reserve(owner, bytes, mode), waiters);
    }

    /** A blocking acquisition on another thread, returned once it waits behind those already waiting. */
    private CompletableFuture<HalResult<Void>> waitInLine(BundleAccount owner, long bytes) {
        int ahead = waiting();
        CompletableFuture<HalResult<Void>> acquisition = waitFor(owner, bytes, AcquisitionMode.BLOCKING);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waiting() <= ahead) {
            if (System.nanoTime() > deadline) {
                fail("the acquisition of " + bytes + " bytes for " + owner + " does not wait");
            }
            Thread.onSpinWait();
        }
        return acquisition;
    }

    private int waiting() {
        return ledger.type(MEMORY).waiters.waiting();
    }
}
