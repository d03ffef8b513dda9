package flight.hal.compliance.internal;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.PlatformInfo;

/** The part of the interface contract every HAL driver shares: identity, capabilities, lifecycle. */
final class DriverContract {

    private DriverContract() {
    }

    /**
     * Checks identity and capabilities, and, where the kit owns the instance, that shutdown and a second initialize
     * work.
     *
     * @param required a capability drivers of this interface must report, or null
     */
    static Outcome check(DriverUnderTest tested, HalCapability required) {
        HalDriver driver = tested.driver;
        Expect.that(tested.name.equals(driver.name()), "name() is '" + driver.name() + "' but the service's "
                + HalDriver.NAME_PROPERTY + " is '" + tested.name + "'");
        Expect.that(driver.version() != null && !driver.version().isBlank(), "version() is blank");
        Expect.that(driver.isAvailable(), "isAvailable() is false");
        Expect.that(driver.isActive(), "isActive() is false after a successful initialize()");
        Expect.that(driver.capabilityMask() == HalCapability.maskOf(driver.capabilities()),
                "capabilityMask() does not match capabilities()");
        Expect.that(required == null || driver.supports(required), "capabilities() lack " + required);
        Expect.that(driver.performanceTier() != null, "performanceTier() is null");
        PlatformInfo platform = driver.platformInfo();
        Expect.that(platform != null, "platformInfo() is null");
        if (tested.live) {
            return Outcome.pass("identity and capabilities of " + platform.platformName() + " driver, checked on "
                    + tested.mode() + "; its lifecycle belongs to the registry");
        }
        Expect.ok(driver.shutdown(), "shutdown()");
        Expect.that(!driver.isActive(), "isActive() is still true after shutdown()");
        Expect.ok(driver.initialize(), "a second initialize()");
        Expect.that(driver.isActive(), "isActive() is false after a second initialize()");
        return Outcome.pass("identity, capabilities, shutdown and re-initialization of " + platform.platformName()
                + " driver, checked on " + tested.mode());
    }
}
