package flight.hal.defaults.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalError;

class PlaceholdersTest {
    private final Placeholders placeholders = new Placeholders(Map.of("flight.hal.data", "/var/hal")::get);

    private static Dictionary<String, Object> of(String key, Object value) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(key, value);
        return properties;
    }

    @Test
    void aSetPropertyReplacesItsPlaceholder() {
        assertEquals("/var/hal/devices/file0.img", placeholders.resolve("d", of("path",
                "${flight.hal.data:-data}/devices/file0.img")).orElseThrow().get("path"));
    }

    @Test
    void anUnsetPropertyTakesItsFallback() {
        assertEquals("logs/x-data", placeholders.resolve("d", of("path", "${hal.logs:-logs}/x-${other:-data}"))
                .orElseThrow().get("path"));
    }

    @Test
    void anUnsetPropertyWithoutFallbackIsAnErrorNamingIt() {
        HalError error = placeholders.resolve("flight.hal.storage.device~file0", of("path", "${nowhere}/x"))
                .errorOrNull();
        assertEquals(ErrorCategory.INVALID_PARAMETER, error.category());
        assertTrue(error.message().contains("flight.hal.storage.device~file0")
                && error.message().contains("path (${nowhere})"), error.message());
    }

    @Test
    void valuesThatAreNotTextAndTextWithoutPlaceholdersStayAsTheyAre() {
        Dictionary<String, Object> properties = of("capacity.bytes", 4096L);
        properties.put("kind", "ZONED");
        properties.put("price", "$5 {not one}");
        Dictionary<String, Object> resolved = placeholders.resolve("d", properties).orElseThrow();
        assertEquals(4096L, resolved.get("capacity.bytes"));
        assertEquals("ZONED", resolved.get("kind"));
        assertEquals("$5 {not one}", resolved.get("price"));
    }
}
