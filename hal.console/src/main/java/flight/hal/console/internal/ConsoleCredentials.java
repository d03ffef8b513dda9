package flight.hal.console.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No default password: when the operator set none (no {@code felix.webconsole.password} property, no password in the
 * configuration of PID {@value ConsoleLogin#PID}), generates one on start, stores it hashed in that configuration,
 * and writes it in plain text once to a file only its owner can read ({@value #PASSWORD_FILE_PROPERTY}, default
 * {@value #DEFAULT_PASSWORD_FILE}), whose place the log tells.
 */
@Component(service = {})
public final class ConsoleCredentials {
    static final String PASSWORD_FILE_PROPERTY = "flight.hal.console.password.file";
    static final String DEFAULT_PASSWORD_FILE = "data/console-password.txt";
    static final String GENERATED_USERNAME = "admin";
    static final int PASSWORD_LENGTH = 24;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleCredentials.class);

    @Reference
    ConfigurationAdmin configurationAdmin;

    private final SecureRandom random = new SecureRandom();

    @Activate
    void activate(BundleContext context) throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(ConsoleLogin.PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        Map<String, Object> current = properties == null ? Map.of() : toMap(properties);
        if (ConsoleLogin.passwordSet(current, context::getProperty)) {
            LOG.info("Web Console credentials: set by the operator, none generated");
            return;
        }
        String password = ConsolePassword.generate(random, PASSWORD_LENGTH);
        Path file = Paths.get(passwordFile(context)).toAbsolutePath();
        try {
            writeOwnerOnly(file, "# Flight HAL Web Console login, generated " + Instant.now()
                    + ". Read it, then delete this file.\nusername=" + GENERATED_USERNAME + "\npassword=" + password
                    + "\n");
        } catch (IOException unwritable) {
            // a password nobody can read would lock the operator out: store none, the console refuses every login
            LOG.error("Web Console credentials: could not write the generated password to {} ({}); none stored, the"
                    + " console refuses every login until credentials are set (-D{}=... -D{}=...)", file,
                    unwritable.toString(), ConsoleLogin.USERNAME_PROPERTY, ConsoleLogin.PASSWORD_PROPERTY);
            return;
        }
        Dictionary<String, Object> updated = properties == null ? new Hashtable<>() : properties;
        updated.put(ConsoleLogin.USERNAME_KEY, GENERATED_USERNAME);
        updated.put(ConsoleLogin.PASSWORD_KEY, ConsolePassword.hash(password, random));
        configuration.update(updated);
        LOG.info("Web Console credentials generated: user '{}', password in {} (readable only by its owner); read it,"
                + " then delete the file", GENERATED_USERNAME, file);
    }

    private static String passwordFile(BundleContext context) {
        String configured = context.getProperty(PASSWORD_FILE_PROPERTY);
        return configured == null || configured.isBlank() ? DEFAULT_PASSWORD_FILE : configured;
    }

    /** Writes {@code text} to {@code file}, created (or emptied) readable and writable by its owner only. */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> properties) {
        Map<String, Object> map = new HashMap<>();
        for (var keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            map.put(key, properties.get(key));
        }
        return map;
    }
}
