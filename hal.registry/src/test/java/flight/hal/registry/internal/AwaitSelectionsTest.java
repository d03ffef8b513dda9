package flight.hal.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.InterfaceStatus;

/** {@code awaitSelections} (and {@code hal:await}'s report): a barrier behind the selection work queued before it. */
class AwaitSelectionsTest {
    private final FakeFramework framework = new FakeFramework();
    private final CountDownLatch initializing = new CountDownLatch(1);
    private final CountDownLatch mayInitialize = new CountDownLatch(1);
    private final DriverRegistry registry;

    AwaitSelectionsTest() throws Exception {
        registry = framework.startRegistry(Map.of("initialize.timeout.ms", 60_000));
    }

    @AfterEach
    void stop() {
        mayInitialize.countDown();
        registry.deactivate();
    }

    @Test
    void waitsForTheSelectionOfADriverRegisteredBeforeTheCall() throws Exception {
        FakeDriver slow = new FakeDriver("slow") {
            @Override
            public HalResult<Void> initialize() {
                initializing.countDown();
                try {
                    mayInitialize.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.initialize();
            }
        };
        CompletableFuture<Void> registered =
                CompletableFuture.runAsync(() -> framework.register(new FakeReference(1, "slow", 10), slow));
        assertTrue(initializing.await(30, TimeUnit.SECONDS));

        HalResult<List<InterfaceStatus>> early = registry.awaitSelections(Duration.ofMillis(20));
        assertEquals(ErrorCategory.TIMEOUT, early.errorOrNull().category(), String.valueOf(early));

        mayInitialize.countDown();
        List<InterfaceStatus> settled = registry.awaitSelections(Duration.ofSeconds(30)).orElseThrow();
        assertEquals("slow", settled.get(0).selected());
        registered.get(30, TimeUnit.SECONDS);
        assertTrue(RegistryReport.readiness(settled, 1234)
                .startsWith("HAL ready 1234 ms after the JVM started: 1 interface(s), 1 selected"));
    }

    @Test
    void refusesAMissingOrNegativeTimeout() {
        assertEquals(ErrorCategory.INVALID_PARAMETER, registry.awaitSelections(null).errorOrNull().category());
        assertEquals(ErrorCategory.INVALID_PARAMETER,
                registry.awaitSelections(Duration.ofMillis(-1)).errorOrNull().category());
        assertTrue(registry.awaitSelections(Duration.ofSeconds(Long.MAX_VALUE)).isOk(), "a huge timeout saturates");
    }

    @Test
    void reportsAnInterfaceWhoseDriverOnStandbyIsNotSelected() throws Exception {
        framework.register(new FakeReference(1, "host", 10), new FakeDriver("host"));
        InterfaceStatus selected = registry.awaitSelections(Duration.ofSeconds(30)).orElseThrow().get(0);
        DriverDescription host = selected.candidates().get(0);
        DriverDescription standby = new DriverDescription(host.interfaceName(), host.name(), host.version(),
                host.bundleSymbolicName(), host.bundleId(), host.serviceId(), host.ranking(), DriverState.STANDBY,
                null, host.capabilities(), host.performanceTier(), host.platformInfo(), host.live());
        InterfaceStatus unselected = new InterfaceStatus(selected.interfaceName(), null, null, "being swapped",
                selected.required(), List.of(standby), List.of());

        assertEquals("HAL not ready 7 ms after the JVM started: 1 interface(s), 0 selected"
                + System.lineSeparator() + "  no driver selected for " + selected.interfaceName()
                + " (being swapped)" + System.lineSeparator(), RegistryReport.readiness(List.of(unselected), 7));
    }
}
