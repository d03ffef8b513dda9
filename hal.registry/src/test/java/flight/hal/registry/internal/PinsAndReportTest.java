package flight.hal.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import flight.hal.HalCapability;

class PinsAndReportTest {
    private static final String MEMORY = "flight.hal.memory.MemoryDriver";

    @Test
    void configurationPinsBySimpleOrFullNameBeforeFrameworkProperties() {
        Map<String, String> framework = Map.of("flight.hal.pin.MemoryDriver", "from.framework",
                "flight.hal.pin.flight.hal.graphics.GraphicsDriver", "gfx");
        Pins pins = new Pins(Map.of("pin.MemoryDriver", " dc.memory ", "pin.Blank", " ", "other", "x"),
                framework::get);
        assertEquals("dc.memory", pins.pinFor(MEMORY));
        assertEquals("gfx", pins.pinFor("flight.hal.graphics.GraphicsDriver"));
        assertNull(pins.pinFor("flight.hal.x.Blank"));

        assertEquals("from.framework", new Pins(Map.of(), framework::get).pinFor(MEMORY));
    }

    @Test
    void malformedTimeoutsFallBackToTheDefault() {
        long fallback = TimeUnit.MILLISECONDS.toNanos(RegistrySettings.DEFAULT_TIMEOUT_MS);
        String key = RegistrySettings.DRAIN_TIMEOUT;
        assertEquals(fallback, RegistrySettings.millis(Map.of(), key));
        assertEquals(fallback, RegistrySettings.millis(Map.of(key, "soon"), key));
        assertEquals(fallback, RegistrySettings.millis(Map.of(key, -1), key));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(250), RegistrySettings.millis(Map.of(key, " 250 "), key));
    }

    @Test
    void requiredCapabilitiesAndRetiringPolicyAreReadFromConfiguration() {
        RegistrySettings settings = RegistrySettings.from(Map.of("require.MemoryDriver", "dma, threading bogus",
                "retiring.policy", "drop"), new Pins(Map.of(), key -> null));
        assertEquals(Set.of(HalCapability.DMA, HalCapability.THREADING), settings.requiredOf(MEMORY));
        assertEquals(Set.of(), settings.requiredOf("flight.hal.graphics.GraphicsDriver"));
        assertTrue(settings.dropOnLeave());
    }

    @Test
    void reportMarksTheSelectedDriverAndShowsFailures() {
        TestContext context = new TestContext(new CopyOnWriteArrayList<>());
        InterfaceSelection selection = new InterfaceSelection(MEMORY, context);
        FakeDriver broken = new FakeDriver("broken");
        broken.failInit = true;
        selection.add(new Candidate(MEMORY, new FakeReference(1, "host.memory", 10), new FakeDriver("host.memory")));
        selection.add(new Candidate(MEMORY, new FakeReference(2, "broken", 99), broken));

        String table = RegistryReport.interfaces(List.of(selection.status()));
        assertTrue(table.startsWith(MEMORY), table);
        assertTrue(table.matches("(?s).*  broken +99 +FAILED +yes .*failed: INITIALIZATION_FAILED: "
                + "broken cannot start.*"), table);
        assertTrue(table.matches("(?s).*\\* host\\.memory +10 +SELECTED +yes .*"), table);
        List<String> lines = table.lines().toList();
        String host = lines.stream().filter(line -> line.contains("* host.memory")).findFirst().orElseThrow();
        assertEquals(lines.get(1).indexOf("RANKING") + "RANKING".length(), host.indexOf(" 10 ") + 3,
                "rankings right-aligned under their header: " + table);
        assertEquals(lines.get(1).indexOf("STATE"), host.indexOf("SELECTED"), table);
        assertTrue(lines.get(2).matches("  -+  -+  -+  -+  -+"), table);

        String info = RegistryReport.drivers("host.memory", selection.status().candidates().subList(1, 2));
        assertTrue(info.contains("capabilities  [BASIC_MEMORY] (mask 0x1)"), info);
        assertTrue(info.contains("cpu           1 core(s), page size 4.0 KiB (4,096 B)"), info);
        assertEquals("no driver named 'x'", RegistryReport.drivers("x", List.of()));
        assertEquals("no HAL drivers registered", RegistryReport.interfaces(List.of()));
    }
}
