package flight.hal.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import flight.hal.PlatformInfo;
import flight.hal.compliance.CheckCategory;
import flight.hal.compliance.CheckResult;
import flight.hal.compliance.ComplianceReport;
import flight.hal.compliance.Measurement;
import flight.hal.compliance.Verdict;

class ReportTextTest {

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
                + "  2 passed, 1 failed, 1 skipped: NOT COMPLIANT" + nl + nl, ReportText.of(List.of(report)));
    }

    @Test
    void serviceLevelsFollowThePlatform() {
        assertEquals(new Sla("Dreamcast", 5, 90, 0, false, 0), Sla.of(info("Sega Dreamcast")));
        assertEquals(new Sla("PSP", 2, 0, 0, true, 0), Sla.of(info("Sony PSP")));
        assertEquals(new Sla("Web", 3, 0, 0, false, 16), Sla.of(info("Web Browser")));
        assertEquals(new Sla("host", 1, 0, 1, false, 0), Sla.of(info("Mac OS X")));
        assertEquals(new Sla("host", 1, 0, 1, false, 0), Sla.of(null));
        assertEquals("> 1 GB/s", Sla.of(null).throughputRequirement());
        assertEquals("< 16 ms", Sla.of(info("Web Browser")).gcPauseRequirement());
    }

    @Test
    void driverNamesAreEscapedInTheServiceFilter() {
        assertEquals("(&(hal.driver.name=odd\\(name\\)\\*)(hal.interface=*)(!(hal.selected=*)))",
                ComplianceService.filter("odd(name)*"));
    }

    private static PlatformInfo info(String name) {
        return new PlatformInfo(name, "arch", "", 1024, 8, 1024, 1, 0);
    }
}
