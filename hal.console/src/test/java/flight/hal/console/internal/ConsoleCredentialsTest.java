package flight.hal.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class ConsoleCredentialsTest {
    @TempDir
    Path folder;

    /** The configuration of the console's PID, as Config Admin keeps it, and where it was asked for. */
    private final AtomicReference<Dictionary<String, Object>> stored = new AtomicReference<>();
    private final AtomicReference<String> location = new AtomicReference<>();

    private ConsoleCredentials credentials() {
        Configuration configuration = Stubs.stub(Configuration.class, (method, args) -> switch (method) {
            case "getProperties" -> stored.get() == null ? null : new Hashtable<>(Map.copyOf(toMap(stored.get())));
            case "update" -> {
                @SuppressWarnings("unchecked")
                Dictionary<String, Object> properties = (Dictionary<String, Object>) args[0];
                stored.set(properties);
                yield null;
            }
            default -> throw new AssertionError(method);
        });
        ConsoleCredentials credentials = new ConsoleCredentials();
        credentials.configurationAdmin = Stubs.stub(ConfigurationAdmin.class, (method, args) -> {
            assertEquals("getConfiguration", method);
            assertEquals(ConsoleLogin.PID, args[0]);
            location.set((String) args[1]);
            return configuration;
        });
        return credentials;
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> properties) {
        Map<String, Object> map = new HashMap<>();
        for (String key : java.util.Collections.list(properties.keys())) {
            map.put(key, properties.get(key));
        }
        return map;
    }

    @Test
    void withoutCredentialsOneIsGeneratedStoredHashedAndWrittenForTheOwnerOnly() throws Exception {
        Path file = folder.resolve("data/console-password.txt");
        stored.set(new Hashtable<>(Map.of("manager.root", "/system/console")));

        credentials().activate(ConsoleSecurityProviderTest.framework(Map.of(
                ConsoleCredentials.PASSWORD_FILE_PROPERTY, file.toString())));

        assertEquals("?", location.get(), "bound to no bundle, so the Web Console gets it");
        List<String> lines = Files.readAllLines(file);
        String password = lines.stream().filter(line -> line.startsWith("password=")).findFirst().orElseThrow()
                .substring("password=".length());
        assertTrue(lines.contains("username=admin"), lines.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String hash = (String) stored.get().get("password");
        assertTrue(hash.startsWith("{sha-256}"), hash);
        assertFalse(hash.contains(password), "only the hash is stored");
        assertTrue(ConsolePassword.matches(hash, password));
        assertEquals("admin", stored.get().get("username"));
        assertEquals("/system/console", stored.get().get("manager.root"), "the rest of the configuration stays");
    }

    @Test
    void aConfiguredPasswordIsKeptAndNothingIsWritten() throws Exception {
        Path file = folder.resolve("console-password.txt");
        Hashtable<String, Object> operator = new Hashtable<>(Map.of("username", "hal", "password", "s3cret"));
        stored.set(operator);

        credentials().activate(ConsoleSecurityProviderTest.framework(Map.of(
                ConsoleCredentials.PASSWORD_FILE_PROPERTY, file.toString())));

        assertEquals(operator, stored.get());
        assertFalse(Files.exists(file));
    }

    @Test
    void frameworkPropertiesAreKeptAndNothingIsGenerated() throws Exception {
        Path file = folder.resolve("console-password.txt");

        credentials().activate(ConsoleSecurityProviderTest.framework(Map.of(
                ConsoleCredentials.PASSWORD_FILE_PROPERTY, file.toString(),
                "felix.webconsole.username", "ops", "felix.webconsole.password", "pw1")));

        assertNull(stored.get());
        assertFalse(Files.exists(file));
    }

    @Test
    void aPasswordThatCannotBeWrittenIsNotStored() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("data"), "a file where the folder should be");

        credentials().activate(ConsoleSecurityProviderTest.framework(Map.of(
                ConsoleCredentials.PASSWORD_FILE_PROPERTY, notAFolder.resolve("console-password.txt").toString())));

        assertNull(stored.get(), "no password nobody can read");
    }

    @Test
    void aStalePasswordFileIsReplacedAndMadeOwnerOnly() throws Exception {
        Path file = Files.writeString(folder.resolve("console-password.txt"), "old and long content\n".repeat(10));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        ConsoleCredentials.writeOwnerOnly(file, "new\n");

        assertEquals("new\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
