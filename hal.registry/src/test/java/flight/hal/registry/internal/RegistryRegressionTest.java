package flight.hal.registry.internal;

import static flight.hal.testkit.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.HalResult;
import flight.hal.memory.MemoryDriver;
import flight.hal.registry.DriverHandle;

/** Defects the registry property chain found, one test each, named after the defect. */
class RegistryRegressionTest {
    private final FakeFramework framework = new FakeFramework();
    private final DriverRegistry registry;
    private final FakeOwner host = new FakeOwner("host", new CopyOnWriteArrayList<>());
    private final FakeReference hostService = new FakeReference(1, "host", 10);
    private final DriverHandle<HalDriver> handle;

    @SuppressWarnings("unchecked")
    RegistryRegressionTest() throws Exception {
        registry = framework.startRegistry(Map.of());
        framework.register(hostService, host);
        // the fake drivers are HalDrivers registered as memory drivers: reached as HalDrivers
        handle = (DriverHandle<HalDriver>) (DriverHandle<?>) registry.handle(MemoryDriver.class);
    }

    @AfterEach
    void stop() {
        registry.deactivate();
    }

    @Test
    void callWithANullFunctionThrewNullPointerInsteadOfAnInvalidParameterError() {
        assertEquals(ErrorCategory.INVALID_PARAMETER, assertRefused(handle.call(null), "call(null)").category());
    }

    @Test
    void callOwnerWithANullFunctionThrewAndLeftNoErrorResult() {
        long made = handle.call(driver -> HalResult.ok(((FakeOwner) driver).make())).orElseThrow();
        assertEquals(ErrorCategory.INVALID_PARAMETER,
                assertRefused(handle.callOwner(made, null), "callOwner(handle, null)").category());
        assertEquals(0, ((RoleHandle<?>) handle).selected().openLeases(), "the refused call gave its lease back");
    }

    @Test
    void nullArgumentsOfTheHandleMethodsThrowNullPointerExceptionAsTheirJavadocSays() {
        assertThrows(NullPointerException.class, () -> registry.handle(null));
        assertThrows(NullPointerException.class, () -> registry.handle(null, java.util.Set.of()));
        assertThrows(NullPointerException.class, () -> registry.handle(MemoryDriver.class, null));
        assertThrows(NullPointerException.class, () -> registry.handle(MemoryDriver.class,
                new HashSet<>(Arrays.asList(HalCapability.DMA, null))));
    }
}
