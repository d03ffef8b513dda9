package flight.hal.compliance;

import java.util.List;
import java.util.Objects;

/**
 * The compliance of one driver.
 *
 * @param driverName    the driver's {@code hal.driver.name}
 * @param interfaceName the HAL interface it was checked as
 * @param platformName  the platform it reports ({@code PlatformInfo.platformName()})
 * @param slaProfile    whose service levels applied, e.g. {@code "Dreamcast"} or {@code "host"}
 * @param checks        every check, in the order run
 */
public record ComplianceReport(String driverName, String interfaceName, String platformName, String slaProfile,
                               List<CheckResult> checks) {

    public ComplianceReport {
        Objects.requireNonNull(driverName, "driverName");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(platformName, "platformName");
        Objects.requireNonNull(slaProfile, "slaProfile");
        checks = List.copyOf(checks);
    }

    /** The checks that failed. */
    public List<CheckResult> failures() {
        return checks.stream().filter(check -> check.verdict() == Verdict.FAIL).toList();
    }

    /** Whether no check failed. */
    public boolean compliant() {
        return failures().isEmpty();
    }
}
