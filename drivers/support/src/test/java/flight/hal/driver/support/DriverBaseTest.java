package flight.hal.driver.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;

class DriverBaseTest {
    private static final PlatformProfile PLATFORM = new PlatformProfile(
            new PlatformInfo("Test Console", "test", "1", 1024, 8, 512, 1, 0),
            EnumSet.of(HalCapability.BASIC_MEMORY, HalCapability.DUAL_CORE), PerformanceTier.LIMITED);

    /** A driver whose state is a counter of the times it was opened; it fails to open when told to. */
    private static final class CountingDriver extends DriverBase<Integer> {
        int opened;
        int closed;
        boolean refuse;

        CountingDriver() {
            super("test.counting");
        }

        @Override
        protected PlatformProfile platform() {
            return PLATFORM;
        }

        @Override
        protected HalResult<Integer> open() {
            return refuse ? HalResult.err(HalError.initializationFailed("told to refuse")) : HalResult.ok(++opened);
        }

        @Override
        protected void close(Integer closing) {
            closed = closing;
        }
    }

    @Test
    void identityComesFromTheNameAndThePlatform() {
        CountingDriver driver = new CountingDriver();
        assertEquals("test.counting", driver.name());
        assertEquals("1.0.0", driver.version());
        assertTrue(driver.isAvailable());
        assertEquals(PLATFORM.info(), driver.platformInfo());
        assertEquals(PerformanceTier.LIMITED, driver.performanceTier());
        assertEquals(HalCapability.BASIC_MEMORY.bit() | HalCapability.DUAL_CORE.bit(), driver.capabilityMask());
    }

    @Test
    void aModifiedRankingLeavesTheStateAsItWas() {
        CountingDriver driver = new CountingDriver();
        driver.configure(Map.of("service.ranking", 10));
        assertTrue(driver.initialize().isOk());
        driver.configure(Map.of("service.ranking", 50));
        assertTrue(driver.isActive());
        assertEquals(1, driver.current());
    }

    @Test
    void theStateIsOpenedOncePerInitializationAndClosedByShutdownOrDeactivation() {
        CountingDriver driver = new CountingDriver();
        HalError before = driver.state().errorOrNull();
        assertEquals(ErrorCategory.INVALID_STATE, before.category());
        assertEquals("driver test.counting is not initialized", before.message());
        driver.initialize().orElseThrow();
        driver.initialize().orElseThrow();
        assertEquals(1, driver.state().orElseThrow());
        assertTrue(driver.isActive());
        driver.deactivate();
        assertFalse(driver.isActive());
        assertEquals(1, driver.closed);
        assertTrue(driver.shutdown().isOk());
        assertNull(driver.current());
        driver.initialize().orElseThrow();
        assertEquals(2, driver.current());
    }

    @Test
    void eachInitializationIssuesItsOwnHandles() {
        CountingDriver driver = new CountingDriver();
        HandleIssuer first = driver.handles();
        driver.initialize().orElseThrow();
        driver.initialize().orElseThrow(); // no new state, so no new issuer
        assertSame(first, driver.handles(), "the issuer asked for before the first initialization is its issuer");
        long handle = first.issue();
        driver.shutdown();
        assertSame(first, driver.handles(), "a driver that was shut down still knows its handles");
        driver.initialize().orElseThrow();
        HandleIssuer second = driver.handles();
        assertNotSame(first, second);
        assertEquals("test.counting", second.driverName());
        assertFalse(second.owns(handle), "a handle of an earlier initialization is foreign");
        assertEquals(HandleIssuer.FOREIGN_HANDLE, second.refuse(handle, "use").code());
    }

    @Test
    void aStateThatCannotBeOpenedFailsInitialization() {
        CountingDriver driver = new CountingDriver();
        driver.refuse = true;
        assertEquals(ErrorCategory.INITIALIZATION_FAILED, driver.initialize().errorOrNull().category());
        assertFalse(driver.isActive());
        assertEquals("test.counting: no", driver.invalid("no").errorOrNull().message());
    }

    @Test
    void aProfileCanBeTakenFromAnotherDriver() {
        CountingDriver driver = new CountingDriver();
        PlatformProfile copied = PlatformProfile.of(driver, EnumSet.of(HalCapability.THREADING));
        assertEquals(PLATFORM.info(), copied.info());
        assertEquals(PerformanceTier.LIMITED, copied.tier());
        assertEquals(EnumSet.of(HalCapability.THREADING), copied.capabilities());
    }
}
