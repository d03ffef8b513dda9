package flight.hal.driver.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import flight.hal.HalResult;
import flight.hal.platform.PlatformErrors;
import flight.hal.platform.TemperatureReading;
import flight.hal.testkit.HalProperty;
import flight.hal.testkit.Refusals;

/**
 * The sensors without input of their own, fed what a machine may hand them: thermal zones holding numbers, garbage,
 * nothing, or numbers past {@code Long.MAX_VALUE} give the hottest readable zone or a refusal, never an exception; the
 * clock never goes back, the random source is not stuck.
 */
class PlatformSensorsPropertyTest {

    @HalProperty
    void theHottestReadableZoneOrARefusal(@ForAll("zoneContents") List<String> zones) throws IOException {
        Statistics.label("sensor calls").collect("TemperatureSensor.read");
        Path root = Files.createTempDirectory("hal-thermal-property");
        try {
            OptionalDouble hottest = OptionalDouble.empty();
            for (int i = 0; i < zones.size(); i++) {
                Path zone = Files.createDirectories(root.resolve("thermal_zone" + i));
                if (zones.get(i) != null) {
                    Files.writeString(zone.resolve("temp"), zones.get(i));
                    Double celsius = celsius(zones.get(i));
                    if (celsius != null && (hottest.isEmpty() || celsius > hottest.getAsDouble())) {
                        hottest = OptionalDouble.of(celsius);
                    }
                }
            }
            SysfsTemperatureSensor sensor = new SysfsTemperatureSensor();
            sensor.root = root;
            HalResult<TemperatureReading> reading = sensor.read();
            if (hottest.isEmpty()) {
                assertEquals(PlatformErrors.NO_SENSOR, Refusals.assertRefused(reading, "read()").code());
            } else {
                assertEquals(hottest.getAsDouble(), reading.orElseThrow().celsius(), 0.0, reading.toString());
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** What the kernel's millidegrees mean, or null when the zone is unreadable. */
    private static Double celsius(String text) {
        try {
            return Long.parseLong(text.trim()) / 1000.0;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<List<String>> zoneContents() {
        Arbitrary<String> contents = Arbitraries.oneOf(
                Arbitraries.longs().between(-40_000, 130_000).map(milli -> milli + "\n"),
                Arbitraries.of("", "\n", "hot", "NaN", "1e5", "99999999999999999999", String.valueOf(Long.MAX_VALUE),
                        String.valueOf(Long.MIN_VALUE), " 42000 ", "4\u00002"),
                Arbitraries.strings().ofMaxLength(12));
        return contents.injectNull(0.1).list().ofMaxSize(5);
    }

    @HalProperty
    void theClockNeverGoesBackAndRandomNumbersVary(@ForAll("counts") int calls) {
        SystemClock clock = new SystemClock();
        ThreadLocalRandomSource random = new ThreadLocalRandomSource();
        long last = clock.nanoTime();
        long first = random.nextLong();
        boolean varied = false;
        for (int i = 0; i < calls; i++) {
            Statistics.label("sensor calls").collect("PlatformClock.nanoTime + RandomSource.nextLong");
            long now = clock.nanoTime();
            assertTrue(now - last >= 0, "the clock went back");
            last = now;
            varied |= random.nextLong() != first;
        }
        assertTrue(varied || calls < 8, "every random number equal to the first");
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.integers().between(1, 50);
    }
}
