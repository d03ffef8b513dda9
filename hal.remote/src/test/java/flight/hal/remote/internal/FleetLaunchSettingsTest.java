package flight.hal.remote.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class FleetLaunchSettingsTest {
    /** Configurations by PID (factory ones as {@code factoryPid~name}), and how many updates each got. */
    private final Map<String, Dictionary<String, Object>> stored = new HashMap<>();
    private final Map<String, Integer> updates = new HashMap<>();
    private final FleetLaunchSettings settings = new FleetLaunchSettings();

    @TempDir
    Path folder;

    FleetLaunchSettingsTest() {
        settings.configurationAdmin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConfiguration" -> configuration((String) args[0]);
                    case "getFactoryConfiguration" -> configuration(args[0] + "~" + args[1]);
                    default -> throw new AssertionError("unexpected call " + method);
                });
    }

    @SuppressWarnings("unchecked")
    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPid" -> pid;
                    case "getProperties" -> stored.get(pid) == null ? null : new Hashtable<>(
                            (Map<String, Object>) (Map<?, ?>) stored.get(pid));
                    case "update" -> {
                        Dictionary<String, Object> properties = new Hashtable<>(
                                (Map<String, Object>) (Map<?, ?>) args[0]);
                        properties.put("service.pid", pid);
                        stored.put(pid, properties);
                        updates.merge(pid, 1, Integer::sum);
                        yield null;
                    }
                    default -> throw new AssertionError("unexpected call " + method);
                });
    }

    private void launch(Map<String, String> properties) throws Exception {
        settings.apply(properties::get);
    }

    @Test
    void aNodeCommandConfiguresTheSecretFromItsFilePortAndNodeNameOnceForEveryRestart() throws Exception {
        Path secret = Files.writeString(folder.resolve("fleet.secret"), "s3cret\n");
        Map<String, String> node = Map.of(FleetLaunchSettings.SECRET_FILE, secret.toString(),
                FleetLaunchSettings.PORT, "8702", FleetLaunchSettings.NODE_NAME, " rack-1 ");
        launch(node);

        assertEquals("s3cret", stored.get("flight.hal.remote").get("secret"));
        assertEquals("8702", stored.get("flight.hal.remote").get("port"));
        assertEquals("rack-1", stored.get("flight.hal.node").get("name"));

        launch(node);
        assertEquals(Map.of("flight.hal.remote", 1, "flight.hal.node", 1), updates, "the same command again");
    }

    @Test
    void aControllerCommandImportsEachWellFormedNodeByConfigDiscovery() throws Exception {
        launch(Map.of(FleetLaunchSettings.NODES, "rack-1@127.0.0.1:8701, rack-2@10.0.0.2:9000,bad,x@h:99999"));

        Dictionary<String, Object> rack1 = stored.get("org.apache.aries.rsa.discovery.config~rack-1");
        assertEquals("hal://127.0.0.1:8701/node", rack1.get("endpoint.id"));
        assertEquals(RemoteNode.class.getName(), rack1.get("objectClass"));
        assertEquals("flight.hal", rack1.get("service.imported.configs"));
        assertEquals("rack-1", rack1.get("flight.hal.node.name"));
        assertEquals("hal://10.0.0.2:9000/node",
                stored.get("org.apache.aries.rsa.discovery.config~rack-2").get("endpoint.id"));
        assertEquals(2, stored.size(), "the malformed entries are left out: " + stored.keySet());
    }

    @Test
    void anUnreadableSecretFileConfiguresNothing() throws Exception {
        launch(Map.of(FleetLaunchSettings.SECRET_FILE, folder.resolve("missing").toString()));
        assertTrue(stored.isEmpty());
    }
}
