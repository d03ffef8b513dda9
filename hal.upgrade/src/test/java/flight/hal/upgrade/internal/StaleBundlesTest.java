package flight.hal.upgrade.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StaleBundlesTest {
    private final StaleBundles stale = new StaleBundles(
            "jar/org.apache.felix.scr-2.2.20.jar, jar/flight.hal.api-0.1.0-SNAPSHOT.jar,,");

    @Test
    void aLauncherBundleTheRunningJarNoLongerHasIsStale() {
        assertTrue(stale.isStale("jar/org.apache.felix.scr-2.2.18.jar"), "the version an upgrade replaced");
        assertTrue(stale.isStale("jar/flight.hal.dropped-0.1.0-SNAPSHOT.jar"), "a bundle the new run.jar dropped");
    }

    @Test
    void theRunningJarsBundlesAreNot() {
        assertFalse(stale.isStale("jar/org.apache.felix.scr-2.2.20.jar"));
        assertFalse(stale.isStale("jar/flight.hal.api-0.1.0-SNAPSHOT.jar"), "listed after a space");
    }

    @Test
    void bundlesInstalledAnyOtherWayAreNeverStale() {
        assertFalse(stale.isStale("file:/opt/hal/deploy/flight.hal.driver.dreamcast.jar"), "FileInstall");
        assertFalse(stale.isStale("mvn:com.example/driver/1.0"), "the shell");
        assertFalse(stale.isStale("System Bundle"));
        assertFalse(stale.isStale(null), "a location a bundle does not report");
        assertFalse(stale.isStale(""), "an empty entry of the list is no location");
    }
}
