package flight.hal.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import flight.hal.compliance.CheckCategory;
import flight.hal.compliance.CheckResult;
import flight.hal.compliance.ComplianceReport;
import flight.hal.compliance.Verdict;

class JUnitXmlTest {

    @Test
    void eachCheckIsATestCaseFailedOrSkippedWithItsDetail() {
        ComplianceReport report = new ComplianceReport("my.memory", "flight.hal.memory.MemoryDriver", "Linux", "host",
                List.of(new CheckResult("round trip", CheckCategory.CONTRACT, Verdict.PASS, "fine", null),
                        new CheckResult("latency", CheckCategory.SLA, Verdict.FAIL, "p99 > 1 ms", null),
                        new CheckResult("efficiency", CheckCategory.SLA, Verdict.SKIPPED, "too large", null)));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="kit" tests="3" failures="1" errors="0" skipped="1">
                  <testcase classname="my.memory (flight.hal.memory.MemoryDriver)" name="round trip" time="0"/>
                  <testcase classname="my.memory (flight.hal.memory.MemoryDriver)" name="latency" time="0">
                    <failure message="p99 &gt; 1 ms"/>
                  </testcase>
                  <testcase classname="my.memory (flight.hal.memory.MemoryDriver)" name="efficiency" time="0">
                    <skipped message="too large"/>
                  </testcase>
                </testsuite>
                """, JUnitXml.of("kit", List.of(report)));
    }

    @Test
    void markupQuotesLineBreaksAndIllegalCharactersAreEscaped() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;&#10;d?e", JUnitXml.escape("a <b> & \"c\"\nd\u0001e"));
    }
}
