package flight.hal.driver.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.storage.ZoneInfo;

/**
 * Kills a JVM with SIGKILL while it writes and persists, then reopens its devices: every write it acknowledged is
 * there byte for byte, and every zone's write pointer is where the acknowledged appends put it (one append may have
 * been done but not yet acknowledged when the process died).
 *
 * <p>The kill is repeated {@value #REPETITIONS_PROPERTY} times (a system property; Maven passes {@code -D} user
 * properties on to the forked test JVM), 3 by default; each run kills at another point and reports how many
 * acknowledgements and zone pointers it checked (test report entry and log line). The long mode is
 * {@code mvn -B -o -pl drivers/storage -am verify -Dtest=CrashRecoveryTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcrash.repetitions=100}.
 */
class CrashRecoveryTest {
    static final String REPETITIONS_PROPERTY = "crash.repetitions";
    private static final int DEFAULT_REPETITIONS = 3;
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);
    private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryTest.class);

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyAcknowledgedWriteSurvivesAKill(TestReporter reporter) {
        int repetitions = Integer.getInteger(REPETITIONS_PROPERTY, DEFAULT_REPETITIONS);
        return IntStream.rangeClosed(1, repetitions).mapToObj(run -> DynamicTest.dynamicTest("kill " + run + " of "
                + repetitions, () -> {
                    // kill after 300..599 acknowledgements, a different point each run
                    Checked checked = assertTimeoutPreemptively(RUN_LIMIT,
                            () -> killAndCheck(dir.resolve("run-" + run), 300 + run * 97 % 300));
                    reporter.publishEntry("kill " + run + " of " + repetitions, checked.toString());
                    // surefire does not show report entries; the log does
                    LOG.info("kill {} of {}: {}", run, repetitions, checked);
                }));
    }

    /** What one run checked: acknowledged writes per device, and zone write pointers. */
    record Checked(int fileAcks, int zonedAcks, int nvmAcks, int zonePointers) {
        @Override
        public String toString() {
            return (fileAcks + zonedAcks + nvmAcks) + " acknowledged writes checked (file " + fileAcks + ", zoned "
                    + zonedAcks + ", nvm " + nvmAcks + "), " + zonePointers + " zone write pointers checked, 0 lost";
        }
    }

    private static Checked killAndCheck(Path dir, int acksBeforeKill) throws Exception {
        Files.createDirectories(dir);
        Path errors = dir.resolve("child.err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dir.toString())
                .redirectError(errors.toFile()).start();
        Map<String, Map<Long, Long>> acked = new HashMap<>(Map.of("file", new HashMap<>(), "zns", new HashMap<>(),
                "nvm", new HashMap<>()));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            int acks = 0;
            while (acks < acksBeforeKill) {
                String line = lines.readLine();
                assertNotNull(line, () -> "the child ended early: " + read(errors));
                if (record(line, acked)) {
                    acks++;
                }
            }
            assertTrue(child.isAlive(), "the child is still writing when it is killed");
            child.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly it keeps the pipe open
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            // the child kept writing until the kill: its last acknowledgements are still in the pipe
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                record(line, acked);
            }
        } finally {
            child.destroyForcibly();
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        try (HostBlockDevice file = Devices.open(dir, "file", flat(CrashWriter.file(dir)));
             HostBlockDevice zoned = Devices.open(dir, "zns", flat(CrashWriter.zoned(dir)));
             HostBlockDevice nvm = Devices.open(dir, "nvm", flat(CrashWriter.nvm(dir)))) {
            acked.get("file").forEach((lba, seed) -> Devices.assertHolds(file, lba,
                    Devices.pattern(seed, 1, CrashWriter.BLOCK)));
            acked.get("zns").forEach((lba, seed) -> Devices.assertHolds(zoned, lba,
                    Devices.pattern(seed, 1, CrashWriter.BLOCK)));
            ByteBuffer mapping = nvm.mapping().orElseThrow();
            acked.get("nvm").forEach((block, seed) -> assertEquals(Devices.pattern(seed, 1, CrashWriter.BLOCK),
                    mapping.slice((int) (block * CrashWriter.BLOCK), CrashWriter.BLOCK), "NVM block " + block));
            List<ZoneInfo> zones = zoned.reportZones().orElseThrow();
            checkWritePointers(zones, acked.get("zns").keySet().stream().mapToLong(Long::longValue).max()
                    .orElseThrow());
            return new Checked(acked.get("file").size(), acked.get("zns").size(), acked.get("nvm").size(),
                    zones.size());
        }
    }

    /** Records an {@code ack <device> <block> <seed>} line; {@code false} for any other line. */
    private static boolean record(String line, Map<String, Map<Long, Long>> acked) {
        String[] fields = line.split(" ");
        if (fields.length != 4 || !fields[0].equals("ack")) {
            return false;
        }
        acked.get(fields[1]).put(Long.parseLong(fields[2]), Long.parseLong(fields[3]));
        return true;
    }

    /** Zones before the last acknowledged append's are full; its zone's pointer is past it, by one append at most. */
    private static void checkWritePointers(List<ZoneInfo> zones, long lastAcked) {
        for (ZoneInfo zone : zones) {
            long ackedEnd = Math.min(zone.startLba() + zone.sizeBlocks(), Math.max(zone.startLba(), lastAcked + 1));
            long pointer = zone.writePointer();
            assertTrue(pointer == ackedEnd || pointer == ackedEnd + 1 && zone.startLba() <= lastAcked + 1
                    && pointer <= zone.startLba() + zone.sizeBlocks(), () -> "zone " + zone + ": acknowledged up to "
                    + ackedEnd);
        }
    }

    /** The devices' properties, minus the name and path {@link Devices#open} sets itself. */
    private static Object[] flat(Map<String, Object> properties) {
        return properties.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(DeviceConfig.NAME) && !entry.getKey().equals(DeviceConfig.PATH))
                .flatMap(entry -> java.util.stream.Stream.of(entry.getKey(), entry.getValue())).toArray();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(no error output: " + e + ")";
        }
    }
}
