package flight.hal.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The jar of every bundle hal.it depends on, by symbolic name, from the list the build writes
 * ({@code hal.it.bundles}): the run bundles, and the drivers the tests install themselves. Usable inside the
 * framework too (the tests share its JVM).
 */
final class BundleJars {
    private static BundleJars ofBuild;

    private final Map<String, Path> jars;

    private BundleJars(Map<String, Path> jars) {
        this.jars = jars;
    }

    /** The bundles of {@code hal.it.bundles}, read once. */
    static synchronized BundleJars fromBuild() {
        if (ofBuild == null) {
            String list = Objects.requireNonNull(System.getProperty("hal.it.bundles"), "hal.it.bundles is not set");
            ofBuild = read(Paths.get(list));
        }
        return ofBuild;
    }

    /** The bundles among the entries of {@code classpath}, a class path in one line. */
    static BundleJars read(Path classpath) {
        Map<String, Path> jars = new HashMap<>();
        try {
            for (String entry : Files.readString(classpath).trim().split(File.pathSeparator)) {
                Path jar = Paths.get(entry);
                String symbolicName = symbolicName(jar);
                if (symbolicName != null) {
                    jars.put(symbolicName, jar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BundleJars(jars);
    }

    /** The jar of any bundle hal.it depends on, run bundle or not. */
    Path jar(String symbolicName) {
        Path jar = jars.get(symbolicName);
        if (jar == null) {
            throw new IllegalArgumentException("no bundle " + symbolicName + " among hal.it's dependencies");
        }
        return jar;
    }

    String url(String symbolicName) {
        return jar(symbolicName).toUri().toString();
    }

    /** The jar's Bundle-SymbolicName without directives, or null when it is not a bundle. */
    private static String symbolicName(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return null;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String header = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return header == null ? null : header.split(";", 2)[0].trim();
        }
    }
}
