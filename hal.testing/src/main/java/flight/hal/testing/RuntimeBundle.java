package flight.hal.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bundle of the HAL runtime, as the kit's build listed it from its runtime dependencies (whose versions come from
 * the BOM): Maven coordinates and the start level it runs at.
 *
 * @param groupId    Maven group
 * @param artifactId Maven artifact
 * @param version    Maven version
 * @param startLevel the start level it runs at
 */
record RuntimeBundle(String groupId, String artifactId, String version, int startLevel) {
    /**
     * SPI Fly and the SLF4J bundles start before the rest, else SLF4J falls back to its no-op logger; the runtime's
     * run.bndrun says the same with its {@code -runbundles+} decorations.
     */
    static final int EARLY_LEVEL = 1;
    /** Every other bundle's level, and the level the framework reaches. */
    static final int LEVEL = 10;
    private static final Set<String> EARLY_GROUPS = Set.of("org.slf4j", "org.ow2.asm", "org.apache.aries.spifly");
    /** A line of maven-dependency-plugin's list: {@code group:artifact:jar:version:scope}, then anything. */
    private static final Pattern LISTED = Pattern.compile("^\\s*([\\w.\\-]+):([\\w.\\-]+):jar:([\\w.\\-]+):(compile|runtime)\\b.*");

    /** The bundles the kit's build listed, in its order. */
    static List<RuntimeBundle> all() {
        try (InputStream listed = open("runtime.bundles")) {
            return parse(new String(listed.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundles named in {@code list}, the output of maven-dependency-plugin's {@code list} goal. */
    static List<RuntimeBundle> parse(String list) {
        List<RuntimeBundle> bundles = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new StringReader(list))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher matcher = LISTED.matcher(line);
                if (matcher.matches()) {
                    String group = matcher.group(1);
                    bundles.add(new RuntimeBundle(group, matcher.group(2), matcher.group(3),
                            EARLY_GROUPS.contains(group) ? EARLY_LEVEL : LEVEL));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundles;
    }

    /** The kit's own version: the version of the HAL it provisions. */
    static String kitVersion() {
        try (InputStream in = open("kit.properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where this bundle's jar is in the Maven repository {@code repository}. */
    Path in(Path repository) {
        return repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + ".jar");
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = RuntimeBundle.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("the kit's jar has no " + resource + ": it was not built by its pom");
        }
        return in;
    }
}
