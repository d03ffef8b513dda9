package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
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
 * The compliance kit against block devices made from configuration (file, NVM, zoned: every check passes or says why
 * it does not apply, and the devices' data survives), and against hostile memory drivers (null, exceptions and hangs
 * in the calls the kit makes: non-compliant with a message naming the driver and the method, reported promptly).
 */
@RunWith(PaxExam.class)
public class ComplianceKitIT extends StorageItSupport {
    /** The kit's bounds in this test: short, so hangs are reported quickly. */
    private static final long CALL_TIMEOUT_MS = 1000;
    private static final long CHECK_TIMEOUT_MS = 2000;
    /** How long a report on a hostile driver may take: generous for a loaded machine, far below a hang. */
    private static final long PROMPT_MS = 15_000;

    @Inject
    ComplianceKit kit;

    @Inject
    CommandProcessor shell;

    private DriverConfigurations configurations;

    @Configuration
    public Option[] configuration() {
        return options(storageFramework(), ourBundle("flight.hal.compliance"));
    }

    @After
    public void deleteConfigurations() throws Exception {
        if (configurations != null) {
            configurations.deleteAll();
        }
        configurationAdmin.getConfiguration("flight.hal.compliance", "?").delete();
    }

    @Test
    public void fileNvmAndZonedDevicesAreCheckedByNameAndKeepTheirData() throws Exception {
        device("kit.file", "capacity.bytes", 8L * 1024 * 1024);
        device("kit.nvm", "kind", "NVM", "capacity.bytes", 8L * 1024 * 1024);
        device("kit.zoned", "kind", "ZONED", "block.size", 512, "zone.size.blocks", 64L, "zone.count", 16);
        StringBuilder printed = new StringBuilder();
        List<String> problems = new ArrayList<>();
        for (String name : List.of("kit.file", "kit.nvm", "kit.zoned")) {
            awaitDevice(name);
            List<ComplianceReport> reports = kit.check(name).orElseThrow();
            assertEquals(name, 1, reports.size());
            assertEquals("flight.hal.storage.BlockDevice", reports.get(0).interfaceName());
            for (CheckResult check : reports.get(0).checks()) {
                if (check.verdict() == Verdict.FAIL) {
                    problems.add(name + ": " + check);
                }
            }
            String text = runCommand(shell, "hal:comply --soak 1 " + name);
            assertTrue(text, text.contains(name + " (flight.hal.storage.BlockDevice)"));
            assertTrue(text, text.contains("scratch region restored"));
            printed.append(text);
        }
        Files.writeString(record("compliance-devices.txt"), printed, StandardCharsets.UTF_8);
        assertEquals(List.of(), problems);
    }

    @Test
    public void hostileDriversAreNonCompliantWithAClearMessageAndPromptly() throws Exception {
        Hashtable<String, Object> bounds = new Hashtable<>();
        bounds.put("call.timeout.ms", String.valueOf(CALL_TIMEOUT_MS));
        bounds.put("check.timeout.ms", String.valueOf(CHECK_TIMEOUT_MS));
        configurationAdmin.getConfiguration("flight.hal.compliance", "?").update(bounds);
        installTestDrivers();
        awaitSelected(TEST);
        configurations = new DriverConfigurations(configurationAdmin);
        Map<String, String> expected = Map.of(
                "NULL_INITIALIZE", "initialize() returned null",
                "THROW_INITIALIZE", "initialize() threw java.lang.IllegalStateException",
                "HANG_INITIALIZE", "initialize() did not return within " + CALL_TIMEOUT_MS + " ms",
                "NULL_PLATFORM_INFO", "platformInfo() returned null",
                "THROW_CAPABILITIES", "capabilities() threw java.lang.IllegalStateException",
                "HANG_ALLOCATE", "did not return within " + CHECK_TIMEOUT_MS + " ms",
                "NULL_ALLOCATE", "returned null instead of a result",
                "THROW_STATS", "stats() threw java.lang.IllegalStateException");
        StringBuilder printed = new StringBuilder();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> fault : expected.entrySet()) {
            String name = "kit.hostile." + fault.getKey().toLowerCase(java.util.Locale.ROOT);
            configurations.hostileMemory(name, -100, fault.getKey());
            awaitService("(hal.driver.name=" + name + ")");
            long start = System.nanoTime();
            ComplianceReport report = kit.check(name).orElseThrow().get(0);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertFalse(name + " " + report, report.compliant());
            String failures = report.failures().toString();
            if (!failures.contains(fault.getValue()) || !name.equals(report.driverName())) {
                problems.add(name + ": expected '" + fault.getValue() + "' in " + failures);
            }
            if (tookMs > PROMPT_MS) {
                problems.add(name + ": the report took " + tookMs + " ms");
            }
            String text = runCommand(shell, "hal:comply " + name);
            assertTrue(text, text.contains("NOT COMPLIANT"));
            printed.append(text);
        }
        Files.writeString(record("compliance-hostile.txt"), printed, StandardCharsets.UTF_8);
        assertEquals(List.of(), problems);
        assertEquals(TEST, selectedMemoryDriver());
    }

    /** A file in the work directory that keeps what hal:comply printed, for the docs and for a reader of CI. */
    private static Path record(String name) throws Exception {
        return Files.createDirectories(Paths.get(System.getProperty("hal.it.work"))).resolve(name);
    }
}
