package flight.hal.compliance.internal;

import java.util.List;

import flight.hal.compliance.CheckResult;
import flight.hal.compliance.ComplianceReport;
import flight.hal.compliance.Verdict;

/** Compliance reports as a JUnit XML test suite (one test case per check), for a build's test report. */
final class JUnitXml {

    private JUnitXml() {
    }

    static String of(String suiteName, List<ComplianceReport> reports) {
        List<CheckResult> checks = reports.stream().flatMap(report -> report.checks().stream()).toList();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(escape(suiteName)).append("\" tests=\"").append(checks.size())
                .append("\" failures=\"").append(count(checks, Verdict.FAIL)).append("\" errors=\"0\" skipped=\"")
                .append(count(checks, Verdict.SKIPPED)).append("\">\n");
        for (ComplianceReport report : reports) {
            String className = report.driverName() + " (" + report.interfaceName() + ")";
            for (CheckResult check : report.checks()) {
                xml.append("  <testcase classname=\"").append(escape(className)).append("\" name=\"")
                        .append(escape(check.name())).append("\" time=\"0\"");
                if (check.verdict() == Verdict.PASS) {
                    xml.append("/>\n");
                } else {
                    String element = check.verdict() == Verdict.FAIL ? "failure" : "skipped";
                    xml.append(">\n    <").append(element).append(" message=\"").append(escape(check.detail()))
                            .append("\"/>\n  </testcase>\n");
                }
            }
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static long count(List<CheckResult> checks, Verdict verdict) {
        return checks.stream().filter(check -> check.verdict() == verdict).count();
    }

    /** Text as an XML attribute value; characters XML 1.0 cannot carry become '?'. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\n' -> escaped.append("&#10;");
                default -> {
                    boolean legal = c == '\t' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                    escaped.appendCodePoint(legal ? c : '?');
                }
            }
        });
        return escaped.toString();
    }
}
