package flight.hal.driver.support;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;

/**
 * Identity and component lifecycle shared by the drivers built on this library: the name, the priority read from the
 * {@code service.ranking} component property, and a shutdown when the component is deactivated. Driver bundles
 * build their components' metadata with bnd's {@code -dsannotations-options: inherit}, so these annotations count.
 */
public abstract class DriverBase implements HalDriver {
    private static final String VERSION = "1.0.0";
    private static final String RANKING = "service.ranking";

    private final String name;
    private volatile int ranking;

    protected DriverBase(String name) {
        this.name = name;
    }

    /** Reads the ranking; a Config Admin change of it modifies the component instead of re-activating it. */
    @Activate
    @Modified
    protected void configure(Map<String, Object> properties) {
        ranking = properties.get(RANKING) instanceof Number number ? number.intValue() : 0;
    }

    @Deactivate
    protected void deactivate() {
        shutdown();
    }

    /** The platform this driver runs on or emulates. */
    protected abstract PlatformProfile platform();

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return ranking;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Set<HalCapability> capabilities() {
        return platform().capabilities();
    }

    @Override
    public PerformanceTier performanceTier() {
        return platform().tier();
    }

    @Override
    public PlatformInfo platformInfo() {
        return platform().info();
    }

    /** The error of a call made while the driver is not initialized. */
    protected <T> HalResult<T> notInitialized() {
        return HalResult.err(HalError.invalidState("driver " + name + " is not initialized"));
    }
}
