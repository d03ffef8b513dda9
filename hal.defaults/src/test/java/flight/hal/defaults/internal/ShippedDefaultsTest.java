package flight.hal.defaults.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;

/** The defaults this bundle ships, read as the component reads them. */
class ShippedDefaultsTest {
    private static final long MAX_DEVICE_BYTES = 8L << 20;
    private final DefaultsReader reader = new DefaultsReader(new Placeholders(Map.of("flight.hal.data", "/srv/hal")::get));

    private Map<String, DefaultConfiguration> shipped() throws Exception {
        Path folder = Path.of(getClass().getResource("/" + DefaultsComponent.FOLDER).toURI());
        Map<String, DefaultConfiguration> defaults = new TreeMap<>();
        List<Path> files;
        try (var listed = Files.list(folder)) {
            files = new ArrayList<>(listed.toList());
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                DefaultConfiguration configuration = reader.read(file.getFileName().toString(), in).orElseThrow();
                defaults.put(configuration.id(), configuration);
            }
        }
        return defaults;
    }

    @Test
    void threeSmallDevicesOfEachKindUnderTheDataFolder() throws Exception {
        Map<String, String> kinds = new TreeMap<>();
        for (DefaultConfiguration configuration : shipped().values()) {
            if (!"flight.hal.storage.device".equals(configuration.factoryPid())) {
                continue;
            }
            Dictionary<String, Object> properties = configuration.properties();
            assertEquals(configuration.name(), properties.get("hal.driver.name"));
            assertEquals("/srv/hal/devices/" + configuration.name() + ".img", properties.get("path"));
            kinds.put(configuration.name(), (String) properties.get("kind"));
            long bytes = "ZONED".equals(properties.get("kind"))
                    ? (Long) properties.get("zone.size.blocks") * (Integer) properties.get("zone.count")
                            * (Integer) properties.get("block.size")
                    : (Long) properties.get("capacity.bytes");
            assertTrue(bytes > 0 && bytes <= MAX_DEVICE_BYTES, configuration.id() + " has " + bytes + " bytes");
        }
        assertEquals(Map.of("file0", "FILE", "nvm0", "NVM", "zns0", "ZONED"), kinds);
    }

    @Test
    void theHealthServletAtSystemHealth() throws Exception {
        DefaultConfiguration servlet = shipped()
                .get("org.apache.felix.hc.core.impl.servlet.HealthCheckExecutorServlet~default");
        assertEquals("org.apache.felix.hc.core.impl.servlet.HealthCheckExecutorServlet", servlet.factoryPid());
        assertEquals("default", servlet.name());
        assertEquals("/system/health", servlet.properties().get("servletPath"));
    }

    @Test
    void aSingletonDefaultIsNamedByItsPid() {
        DefaultConfiguration registry = reader.read("flight.hal.registry.config",
                stream("retiring.policy=\"drop\"\n")).orElseThrow();
        assertEquals("flight.hal.registry", registry.id());
        assertNull(registry.factoryPid());
        assertEquals("drop", registry.properties().get("retiring.policy"));
    }

    @Test
    void aBrokenFileIsAnErrorNamingIt() {
        var error = reader.read("x~y.config", stream("capacity.bytes=L\"4096\n")).errorOrNull();
        assertEquals(ErrorCategory.UNSUPPORTED_FORMAT, error.category());
        assertTrue(error.message().contains("x~y.config"), error.message());
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
