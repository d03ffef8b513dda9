package flight.hal.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ComplianceReportTextTest {

    @Test
    void eachCheckIsALineWithItsVerdictAndFigure() {
        ComplianceReport report = new ComplianceReport("dreamcast.memory", "flight.hal.memory.MemoryDriver",
                "Sega Dreamcast", "Dreamcast", List.of(
                        new CheckResult("allocation latency", CheckCategory.SLA, Verdict.PASS, "p99",
                                new Measurement(0.01234, "ms", "< 5 ms", true)),
                        new CheckResult("memory efficiency", CheckCategory.SLA, Verdict.PASS, "filled",
                                new Measurement(99.5, "%", "", false)),
                        new CheckResult("memory pressure", CheckCategory.STRESS, Verdict.FAIL, "overlap", null),
                        new CheckResult("exhaustion", CheckCategory.STRESS, Verdict.SKIPPED, "too large", null)));
        String nl = System.lineSeparator();
        assertEquals("dreamcast.memory (flight.hal.memory.MemoryDriver) on Sega Dreamcast, service levels of Dreamcast"
                + nl
                + "  PASS    SLA            allocation latency               0.0123 ms (SLA < 5 ms): p99" + nl
                + "  PASS    SLA            memory efficiency                99.50 % (no SLA): filled" + nl
                + "  FAIL    STRESS         memory pressure                  overlap" + nl
                + "  SKIPPED STRESS         exhaustion                       too large" + nl
                + "  2 passed, 1 failed, 1 skipped: NOT COMPLIANT" + nl + nl, report.text());
    }
}
