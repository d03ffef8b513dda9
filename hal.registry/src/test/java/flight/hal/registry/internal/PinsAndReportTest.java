package flight.hal.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
    void malformedDrainTimeoutsFallBackToTheDefault() {
        assertEquals(DriverRegistry.DEFAULT_DRAIN_TIMEOUT_MS, DriverRegistry.drainTimeoutMillis(null));
        assertEquals(DriverRegistry.DEFAULT_DRAIN_TIMEOUT_MS, DriverRegistry.drainTimeoutMillis("soon"));
        assertEquals(DriverRegistry.DEFAULT_DRAIN_TIMEOUT_MS, DriverRegistry.drainTimeoutMillis(-1));
        assertEquals(250, DriverRegistry.drainTimeoutMillis(" 250 "));
    }

    @Test
    void reportMarksTheSelectedDriverAndShowsFailures() {
        InterfaceSelection selection = new InterfaceSelection(MEMORY, new SelectionContext() {
            @Override
            public org.osgi.framework.ServiceRegistration<?> republish(String name, Candidate selected) {
                return null;
            }

            @Override
            public void announce(flight.hal.registry.SelectionEvent event) {
            }

            @Override
            public long drainTimeoutNanos() {
                return 0;
            }
        }, null);
        FakeDriver broken = new FakeDriver("broken");
        broken.failInit = true;
        selection.add(new Candidate(MEMORY, new FakeReference(1, "host.memory", 10), new FakeDriver("host.memory")));
        selection.add(new Candidate(MEMORY, new FakeReference(2, "broken", 99), broken));

        String table = RegistryReport.interfaces(List.of(selection.status()));
        assertTrue(table.startsWith(MEMORY), table);
        assertTrue(table.matches("(?s).*  broken +99 +FAILED +yes .*initialize failed: INITIALIZATION_FAILED: "
                + "broken cannot start.*"), table);
        assertTrue(table.matches("(?s).*\\* host\\.memory +10 +SELECTED +yes .*"), table);

        String info = RegistryReport.drivers("host.memory", selection.status().candidates().subList(1, 2));
        assertTrue(info.contains("capabilities  [BASIC_MEMORY] (mask 0x1)"), info);
        assertTrue(info.contains("cpu           1 core(s), page size 4096 bytes"), info);
        assertEquals("no driver named 'x'", RegistryReport.drivers("x", List.of()));
        assertEquals("no HAL drivers registered", RegistryReport.interfaces(List.of()));
    }
}
