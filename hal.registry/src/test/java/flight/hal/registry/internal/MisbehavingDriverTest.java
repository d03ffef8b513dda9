package flight.hal.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import flight.hal.HalCapability;
import flight.hal.HalResult;
import flight.hal.PlatformInfo;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.InterfaceStatus;

/** A driver that answers null, throws or hangs is a failed candidate, never damage to the selection. */
@Timeout(60)
class MisbehavingDriverTest {
    private final List<String> journal = new CopyOnWriteArrayList<>();
    private final TestContext context = new TestContext(journal);
    private final InterfaceSelection selection = new InterfaceSelection("flight.hal.memory.MemoryDriver", context);
    private final CountDownLatch release = new CountDownLatch(1);
    private long nextServiceId = 1;

    @AfterEach
    void stop() {
        release.countDown();
        context.close();
    }

    private void addWorking() {
        selection.add(new Candidate(selection.interfaceName, new FakeReference(nextServiceId++, "good", 10),
                new FakeDriver("good", journal)));
    }

    private DriverDescription addHostile(FakeDriver driver) {
        selection.add(new Candidate(selection.interfaceName, new FakeReference(nextServiceId++, driver.name, 99),
                driver));
        assertEquals("good", selection.status().selected());
        return selection.status().candidates().get(0);
    }

    private static FakeDriver hostile(Supplier<HalResult<Void>> initialize, Set<HalCapability> answeredCapabilities,
                                      PlatformInfo platform) {
        return new FakeDriver("hostile") {
            @Override
            public HalResult<Void> initialize() {
                return initialize.get();
            }

            @Override
            public Set<HalCapability> capabilities() {
                return answeredCapabilities;
            }

            @Override
            public PlatformInfo platformInfo() {
                return platform;
            }
        };
    }

    private static final PlatformInfo PLATFORM = new PlatformInfo("Fake", "none", "1", 1024, 8, 1024, 1, 4096);

    @Test
    void nullFromInitializeFailsTheCandidate() {
        addWorking();
        DriverDescription failed = addHostile(hostile(() -> null, Set.of(HalCapability.BASIC_MEMORY), PLATFORM));
        assertEquals(DriverState.FAILED, failed.state());
        assertTrue(failed.failure().message().contains("initialize() returned null"), failed.failure().message());
    }

    @Test
    void anExceptionFromInitializeFailsTheCandidate() {
        addWorking();
        DriverDescription failed = addHostile(hostile(() -> {
            throw new IllegalStateException("boom");
        }, Set.of(HalCapability.BASIC_MEMORY), PLATFORM));
        assertEquals(DriverState.FAILED, failed.state());
        assertTrue(failed.failure().message().contains("boom"), failed.failure().message());
    }

    @Test
    void nullCapabilitiesOrPlatformFailTheCandidate() {
        addWorking();
        DriverDescription noCapabilities = addHostile(hostile(HalResult::ok, null, PLATFORM));
        assertEquals(DriverState.FAILED, noCapabilities.state());
        assertTrue(noCapabilities.failure().message().contains("capabilities() returned null"));

        selection.remove(selection.plan().candidates().get(0));
        DriverDescription noPlatform = addHostile(hostile(HalResult::ok, Set.of(HalCapability.BASIC_MEMORY), null));
        assertEquals(DriverState.FAILED, noPlatform.state());
        assertTrue(noPlatform.failure().message().contains("platformInfo() returned null"));
    }

    @Test
    void anInitializeThatHangsTimesOutAndStatusNeverWaitsForIt() throws Exception {
        context.configuration.put(RegistrySettings.INIT_TIMEOUT, 200);
        context.configure();
        addWorking();
        FakeDriver hanging = hostile(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HalResult.ok();
        }, Set.of(HalCapability.BASIC_MEMORY), PLATFORM);
        CompletableFuture<Void> adding = CompletableFuture.runAsync(() -> selection.add(
                new Candidate(selection.interfaceName, new FakeReference(nextServiceId++, "hanging", 99), hanging)));

        InterfaceStatus during = selection.status(); // answers while initialize() hangs
        assertEquals("good", during.selected());
        adding.get(30, TimeUnit.SECONDS);
        DriverDescription failed = selection.status().candidates().get(0);
        assertEquals(DriverState.FAILED, failed.state());
        assertEquals("timeout", failed.failure().code());
        assertEquals("good", selection.status().selected());
    }
}
