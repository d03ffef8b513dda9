package flight.hal.compliance;

import java.util.List;
import java.util.Locale;
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
    private static final String ROW = "  %-7s %-14s %-32s %s%n";

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

    /**
     * The report as the shell's {@code hal:comply} prints it: a heading, one row per check with its verdict,
     * category, name, figure and detail, and the counts with the verdict.
     *
     * @since 1.2
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(driverName).append(" (").append(interfaceName).append(") on ")
                .append(platformName.isEmpty() ? "an unknown platform" : platformName)
                .append(", service levels of ").append(slaProfile).append(System.lineSeparator());
        for (CheckResult check : checks) {
            text.append(String.format(Locale.ROOT, ROW, check.verdict(), check.category(), check.name(),
                    figure(check) + check.detail()));
        }
        text.append(String.format(Locale.ROOT, "  %d passed, %d failed, %d skipped: %s%n%n", count(Verdict.PASS),
                count(Verdict.FAIL), count(Verdict.SKIPPED), compliant() ? "COMPLIANT" : "NOT COMPLIANT"));
        return text.toString();
    }

    /** {@code "0.0123 ms (SLA < 5 ms): "}, or nothing for a check that measures no figure. */
    private static String figure(CheckResult check) {
        Measurement measurement = check.measurement();
        if (measurement == null) {
            return "";
        }
        String value = String.format(Locale.ROOT, measurement.value() < 10 ? "%.4f" : "%.2f", measurement.value());
        String level = measurement.requirement().isEmpty() ? "no SLA" : "SLA " + measurement.requirement();
        return value + " " + measurement.unit() + " (" + level + "): ";
    }

    private long count(Verdict verdict) {
        return checks.stream().filter(check -> check.verdict() == verdict).count();
    }
}
