package flight.hal.upgrade.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which installed bundles an earlier run.jar put there and the running one no longer has. The bnd launcher installs
 * the bundles embedded in run.jar at locations {@code jar/<file name>} and lists those of the running run.jar in its
 * framework property {@value #LAUNCH_BUNDLES}; it updates a bundle whose location it finds again, but never uninstalls
 * one it does not (a version upgrade changes the file name, so the old version would stay installed beside the new).
 */
final class StaleBundles {
    /** The bnd launcher's framework property: the locations of the bundles run.jar installs, comma-separated. */
    static final String LAUNCH_BUNDLES = "launch.bundles";
    /** Where the bnd launcher installs the bundles embedded in run.jar. */
    static final String LAUNCHER_LOCATION_PREFIX = "jar/";

    private final Set<String> launched;

    /** {@code launchBundles}: the value of {@value #LAUNCH_BUNDLES}. */
    StaleBundles(String launchBundles) {
        launched = Arrays.stream(launchBundles.split(",")).map(String::trim).filter(location -> !location.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * True for a bundle an earlier run.jar installed that this one does not: a launcher location not in this run.jar.
     * Bundles installed any other way (FileInstall's {@code deploy/}, the shell, the API) are never stale.
     */
    boolean isStale(String location) {
        return location != null && location.startsWith(LAUNCHER_LOCATION_PREFIX) && !launched.contains(location);
    }
}
