package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;

import flight.hal.compliance.CheckResult;
import flight.hal.compliance.ComplianceKit;
import flight.hal.compliance.ComplianceReport;
import flight.hal.compliance.Verdict;

/**
 * The compliance kit in a live framework: every shipped driver passes every check that does not depend on this
 * machine's speed (timing checks must only have measured their figure), hal:comply prints the checks, and a driver
 * bundle dropped into the deploy folder is checked without rebuilding anything.
 */
@RunWith(PaxExam.class)
public class ComplianceIT extends HalItSupport {
    private static final List<String> SHIPPED = List.of("host", "dreamcast", "psp", "web");
    private static final List<String> KINDS = List.of("memory", "graphics", "thread");

    @Inject
    ComplianceKit kit;

    @Inject
    CommandProcessor shell;

    @Configuration
    public Option[] configuration() throws IOException {
        return options(halFramework(),
                ourBundle("flight.hal.compliance"),
                driverBundle(DREAMCAST_DRIVERS),
                driverBundle(PSP_DRIVERS),
                driverBundle(WEB_DRIVERS),
                deployFolder("comply-deploy"));
    }

    @Test
    public void everyShippedDriverPassesEveryCheckThatDoesNotDependOnTiming() throws Exception {
        List<String> problems = new ArrayList<>();
        StringBuilder printed = new StringBuilder();
        for (String platform : SHIPPED) {
            for (String kind : KINDS) {
                String driver = platform + "." + kind;
                List<ComplianceReport> reports = kit.check(driver).orElseThrow();
                assertEquals(driver, 1, reports.size());
                for (CheckResult check : reports.get(0).checks()) {
                    if (check.isTiming() ? check.figure().isEmpty() : check.verdict() == Verdict.FAIL) {
                        problems.add(driver + ": " + check);
                    }
                }
                printed.append(run("hal:comply " + driver));
            }
        }
        Path record = Paths.get(System.getProperty("hal.it.work"), "compliance.txt");
        Files.writeString(record, printed, StandardCharsets.UTF_8);
        assertEquals(List.of(), problems);
    }

    @Test
    public void complyPrintsEachCheckWithItsFigureAgainstThePlatformsLevel() throws Exception {
        String text = run("hal:comply dreamcast.memory");
        assertTrue(text, text.contains("dreamcast.memory (flight.hal.memory.MemoryDriver) on Sega Dreamcast,"
                + " service levels of Dreamcast"));
        assertTrue(text, text.matches("(?s).*\\n  PASS    SLA            memory efficiency +\\d+\\.\\d+ % \\(SLA > 90 %\\):"
                + " .*"));
        assertTrue(text, text.matches("(?s).*\\n  (PASS|FAIL)    SLA            allocation latency +\\d+\\.\\d+ ms"
                + " \\(SLA < 5 ms\\): .*"));
        assertTrue(text, text.matches("(?s).*\\n  PASS    STRESS         exhaustion and recovery +exhausted after .*"));
        String nobody = run("hal:comply nobody");
        assertTrue(nobody, nobody.contains("error: NOT_FOUND: no driver named 'nobody' is registered"));
    }

    @Test
    public void aDriverDroppedIntoTheDeployFolderIsCheckedAndItsFaultsFound() throws Exception {
        Path jar = Paths.get(context.getProperty("hal.it.deploy")).resolve("third-party.jar");
        Files.copy(bundleJar(TESTING_DRIVERS), jar, StandardCopyOption.REPLACE_EXISTING);
        try {
            awaitService("(hal.driver.name=" + TEST + ")");
            ComplianceReport report = kit.check(TEST).orElseThrow().get(0);
            assertFalse(report.compliant());
            // heap buffers cannot be aligned: the kit's aligned round trip finds it
            CheckResult roundTrip = report.checks().stream()
                    .filter(check -> check.name().equals("allocation round trip")).findFirst().orElseThrow();
            assertEquals(Verdict.FAIL, roundTrip.verdict());
            assertTrue(roundTrip.detail(), roundTrip.detail().contains("cannot guarantee the requested alignment"));
            assertTrue(run("hal:comply " + TEST).contains("NOT COMPLIANT"));
        } finally {
            Files.delete(jar);
        }
    }

    private String run(String command) throws Exception {
        return runCommand(shell, command);
    }
}
