package flight.hal.driver.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;

class DriverBaseTest {
    private static final PlatformProfile PLATFORM = new PlatformProfile(
            new PlatformInfo("Test Console", "test", "1", 1024, 8, 512, 1, 0),
            EnumSet.of(HalCapability.BASIC_MEMORY, HalCapability.DUAL_CORE), PerformanceTier.LIMITED);

    /** A driver whose lifecycle is one flag. */
    private static final class FlagDriver extends DriverBase {
        boolean active;

        FlagDriver() {
            super("test.flag");
        }

        @Override
        protected PlatformProfile platform() {
            return PLATFORM;
        }

        @Override
        public HalResult<Void> initialize() {
            active = true;
            return HalResult.ok();
        }

        @Override
        public HalResult<Void> shutdown() {
            active = false;
            return notInitialized();
        }

        @Override
        public boolean isActive() {
            return active;
        }
    }

    @Test
    void identityComesFromTheNameTheRankingPropertyAndThePlatform() {
        FlagDriver driver = new FlagDriver();
        assertEquals(0, driver.priority());
        driver.configure(Map.of("service.ranking", 50));
        assertEquals(50, driver.priority());
        driver.configure(Map.of("service.ranking", "not a number"));
        assertEquals(0, driver.priority());
        assertEquals("test.flag", driver.name());
        assertEquals("1.0.0", driver.version());
        assertTrue(driver.isAvailable());
        assertEquals(PLATFORM.info(), driver.platformInfo());
        assertEquals(PerformanceTier.LIMITED, driver.performanceTier());
        assertEquals(HalCapability.BASIC_MEMORY.bit() | HalCapability.DUAL_CORE.bit(), driver.capabilityMask());
    }

    @Test
    void deactivationShutsTheDriverDown() {
        FlagDriver driver = new FlagDriver();
        driver.initialize();
        driver.deactivate();
        assertFalse(driver.isActive());
        HalResult<Void> error = driver.shutdown();
        assertEquals(ErrorCategory.INVALID_STATE, error.errorOrNull().category());
        assertEquals("driver test.flag is not initialized", error.errorOrNull().message());
    }

    @Test
    void aProfileCanBeTakenFromAnotherDriver() {
        FlagDriver driver = new FlagDriver();
        PlatformProfile copied = PlatformProfile.of(driver, EnumSet.of(HalCapability.THREADING));
        assertEquals(PLATFORM.info(), copied.info());
        assertEquals(PerformanceTier.LIMITED, copied.tier());
        assertEquals(EnumSet.of(HalCapability.THREADING), copied.capabilities());
    }
}
