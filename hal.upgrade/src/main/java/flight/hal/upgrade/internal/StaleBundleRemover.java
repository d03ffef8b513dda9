package flight.hal.upgrade.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uninstalls, when the framework starts, the bundles an earlier run.jar installed that the running one no longer has
 * ({@link StaleBundles}), then refreshes the framework so nothing stays wired to them. Runs at start level 2 (after
 * the SLF4J binding at 1, before everything else), so a stale bundle is gone before it could start.
 */
public final class StaleBundleRemover implements BundleActivator {
    private static final Logger LOG = LoggerFactory.getLogger(StaleBundleRemover.class);

    @Override
    public void start(BundleContext context) {
        String launchBundles = context.getProperty(StaleBundles.LAUNCH_BUNDLES);
        if (launchBundles == null) {
            LOG.debug("not started by the bnd launcher ({} not set): nothing to compare with",
                    StaleBundles.LAUNCH_BUNDLES);
            return;
        }
        StaleBundles stale = new StaleBundles(launchBundles);
        int removed = 0;
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != Constants.SYSTEM_BUNDLE_ID && stale.isStale(bundle.getLocation())) {
                removed += uninstall(bundle) ? 1 : 0;
            }
        }
        if (removed > 0) {
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(null);
        }
    }

    private static boolean uninstall(Bundle bundle) {
        String name = bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + bundle.getLocation() + ")";
        try {
            bundle.uninstall();
            LOG.info("uninstalled {}: an earlier run.jar installed it, this one no longer has it", name);
            return true;
        } catch (BundleException | IllegalStateException | SecurityException e) {
            LOG.warn("could not uninstall {}, which this run.jar no longer has: {}", name, e.toString());
            return false;
        }
    }

    @Override
    public void stop(BundleContext context) {
        // nothing held: the work is done at start
    }
}
