package flight.hal.compliance.internal;

import java.util.List;
import java.util.Locale;

import flight.hal.compliance.CheckResult;
import flight.hal.compliance.ComplianceReport;
import flight.hal.compliance.Measurement;
import flight.hal.compliance.Verdict;

/** Compliance reports as plain text for the shell. */
final class ReportText {
    private static final String ROW = "  %-7s %-14s %-32s %s%n";

    private ReportText() {
    }

    static String of(List<ComplianceReport> reports) {
        StringBuilder text = new StringBuilder();
        reports.forEach(report -> text.append(of(report)));
        return text.toString();
    }

    static String of(ComplianceReport report) {
        StringBuilder text = new StringBuilder();
        text.append(report.driverName()).append(" (").append(report.interfaceName()).append(") on ")
                .append(report.platformName().isEmpty() ? "an unknown platform" : report.platformName())
                .append(", service levels of ").append(report.slaProfile()).append(System.lineSeparator());
        for (CheckResult check : report.checks()) {
            text.append(String.format(Locale.ROOT, ROW, check.verdict(), check.category(), check.name(),
                    figure(check) + check.detail()));
        }
        long passed = count(report, Verdict.PASS);
        long failed = count(report, Verdict.FAIL);
        long skipped = count(report, Verdict.SKIPPED);
        text.append(String.format(Locale.ROOT, "  %d passed, %d failed, %d skipped: %s%n%n", passed, failed, skipped,
                report.compliant() ? "COMPLIANT" : "NOT COMPLIANT"));
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

    private static long count(ComplianceReport report, Verdict verdict) {
        return report.checks().stream().filter(check -> check.verdict() == verdict).count();
    }
}
