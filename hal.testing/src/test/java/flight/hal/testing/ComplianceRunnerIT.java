package flight.hal.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compliance kit as a build step on real jars, with the runtime from the local Maven repository: the repository's
 * test drivers (whose {@code test.memory} does not reallocate) fail it with the report; a missing jar is an error.
 */
class ComplianceRunnerIT {
    private static final String REPOSITORY = property("org.ops4j.pax.url.mvn.localRepository");

    @Test
    void aDriverThatIsNotCompliantFailsTheStepAndTheReportsSayWhy(@TempDir Path report) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = ComplianceRunner.run(new String[] {property("hal.testing.noncompliant.jar"), "--report",
                report.toString(), "--repository", REPOSITORY, "--timeout", "60"},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String out = printed.toString(StandardCharsets.UTF_8);
        assertEquals(ComplianceRunner.NOT_COMPLIANT, status, out);
        String text = Files.readString(report.resolve("compliance.txt"));
        assertTrue(text.contains("test.memory (flight.hal.memory.MemoryDriver)"), text);
        assertTrue(text.contains("FAIL    CONTRACT       allocation round trip"), text);
        assertTrue(text.contains("NOT COMPLIANT"), text);
        assertTrue(out.contains(text), out);
        String xml = Files.readString(report.resolve("TEST-flight.hal.compliance.xml"));
        assertTrue(xml.contains("<testcase classname=\"test.memory (flight.hal.memory.MemoryDriver)\" "
                + "name=\"allocation round trip\" time=\"0\">\n    <failure message="), xml);
    }

    @Test
    void aJarThatIsNotThereIsAnError(@TempDir Path report) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = ComplianceRunner.run(new String[] {report.resolve("absent.jar").toString(), "--report",
                report.toString(), "--repository", REPOSITORY}, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(ComplianceRunner.ERROR, status);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("absent.jar"));
    }

    private static String property(String name) {
        return Objects.requireNonNull(System.getProperty(name), name + " is not set");
    }
}
