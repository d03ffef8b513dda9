package flight.hal.compliance;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalResult;

/**
 * Runs the Flight HAL compliance requirements against drivers registered in the running framework, found by their
 * {@code hal.driver.name}: interface contract, parameter validation, error handling, resource cleanup, the platform's
 * service levels, and stress.
 */
@ProviderType
public interface ComplianceKit {

    /**
     * Checks every registered driver named {@code driverName} (one per HAL interface it serves).
     *
     * @return one report per driver, or a {@code NOT_FOUND} error when no driver has that name
     */
    HalResult<List<ComplianceReport>> check(String driverName);

    /**
     * As {@link #check(String)}, with the long-running stability checks (the soak) running for {@code soak}, whole
     * seconds, instead of the configured length (PID {@code flight.hal.compliance}, {@code soak.seconds}, default 1).
     *
     * @return as {@link #check(String)}; an {@code INVALID_PARAMETER} error for a null, zero or negative soak
     * @since 1.1
     */
    HalResult<List<ComplianceReport>> check(String driverName, Duration soak);
}
