package flight.hal.jmx.internal;

import java.beans.ConstructorProperties;
import java.util.Arrays;

import flight.hal.HalCapability;
import flight.hal.registry.DriverDescription;

/**
 * One candidate of an interface as JMX shows it: an MXBean maps it to a {@code CompositeData} whose items are the
 * getters below, readable by any client.
 */
public final class CandidateInfo {
    private final String name;
    private final String version;
    private final String state;
    private final int ranking;
    private final String failure;
    private final String bundle;
    private final String[] capabilities;

    @ConstructorProperties({"name", "version", "state", "ranking", "failure", "bundle", "capabilities"})
    public CandidateInfo(String name, String version, String state, int ranking, String failure, String bundle,
                         String[] capabilities) {
        this.name = name;
        this.version = version;
        this.state = state;
        this.ranking = ranking;
        this.failure = failure;
        this.bundle = bundle;
        this.capabilities = capabilities.clone();
    }

    static CandidateInfo of(DriverDescription driver) {
        return new CandidateInfo(driver.name(), String.valueOf(driver.version()), driver.state().name(),
                driver.ranking(), driver.failureReason().map(String::valueOf).orElse(""),
                driver.bundleSymbolicName() + " [" + driver.bundleId() + "]",
                driver.capabilities().stream().map(HalCapability::name).sorted().toArray(String[]::new));
    }

    /** The driver's {@code hal.driver.name}. */
    public String getName() {
        return name;
    }

    public String getVersion() {
        return version;
    }

    /** Where it stands: SELECTED, STANDBY, UNAVAILABLE, FAILED, INELIGIBLE, RETIRING or AVAILABLE. */
    public String getState() {
        return state;
    }

    /** Its {@code service.ranking}. */
    public int getRanking() {
        return ranking;
    }

    /** Why it failed or is ineligible; empty otherwise. */
    public String getFailure() {
        return failure;
    }

    /** The bundle that registered it: symbolic name and id. */
    public String getBundle() {
        return bundle;
    }

    public String[] getCapabilities() {
        return capabilities.clone();
    }

    @Override
    public String toString() {
        return name + " " + state + " ranking " + ranking + (failure.isEmpty() ? "" : ": " + failure)
                + " " + Arrays.toString(capabilities);
    }
}
