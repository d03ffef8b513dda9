package flight.hal.it;

import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Processor;

/**
 * The runtime as {@code run.bndrun} describes it, so that the tests provision what the exported runtime runs and a
 * bundle is added in one place: its resolved {@code -runbundles}, with the start levels of its {@code -runbundles+}
 * decorations, read by bnd itself. Read only where a test's configuration is made, outside the framework: bnd is on
 * the test class path, not in the framework.
 */
final class RuntimeBundles {
    private static final String START_LEVEL = "startlevel";

    /** Symbolic name to start level (null: the framework's default) of each run bundle, in run.bndrun's order. */
    private final Map<String, Integer> runBundles;
    private final BundleJars jars;

    private RuntimeBundles(Map<String, Integer> runBundles, BundleJars jars) {
        this.runBundles = runBundles;
        this.jars = jars;
    }

    /** The runtime of {@code hal.runtime.bndrun}, with the jars of the build. */
    static RuntimeBundles fromBuild() {
        String bndrun = Objects.requireNonNull(System.getProperty("hal.runtime.bndrun"), "hal.runtime.bndrun is not set");
        return read(Paths.get(bndrun), BundleJars.fromBuild());
    }

    static RuntimeBundles read(Path bndrun, BundleJars jars) {
        Map<String, Integer> runBundles = new LinkedHashMap<>();
        try (Processor run = new Processor()) {
            run.setProperties(bndrun.toFile());
            Parameters decorated = run.decorated("-runbundles");
            for (Map.Entry<String, Attrs> entry : decorated.entrySet()) {
                String level = entry.getValue().get(START_LEVEL);
                runBundles.put(Processor.removeDuplicateMarker(entry.getKey()),
                        level == null ? null : Integer.valueOf(level));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (runBundles.isEmpty()) {
            throw new IllegalStateException(bndrun + " has no -runbundles: resolve it first (mvn package)");
        }
        return new RuntimeBundles(runBundles, jars);
    }

    /** Every run bundle but {@code left}, at its start level. */
    Option[] allBut(Set<String> left) {
        List<Option> options = new ArrayList<>();
        for (String symbolicName : runBundles.keySet()) {
            if (!left.contains(symbolicName)) {
                options.add(runBundle(symbolicName));
            }
        }
        return options.toArray(Option[]::new);
    }

    /** One run bundle, at its start level. */
    Option runBundle(String symbolicName) {
        if (!runBundles.containsKey(symbolicName)) {
            throw new IllegalArgumentException(symbolicName + " is not a run bundle of the runtime");
        }
        UrlProvisionOption option = bundle(jars.url(symbolicName));
        Integer level = runBundles.get(symbolicName);
        return level == null ? option : option.startLevel(level);
    }

    /** The highest start level of a run bundle: the framework must reach it to start them all. */
    int highestStartLevel() {
        return runBundles.values().stream().filter(Objects::nonNull).mapToInt(Integer::intValue).max().orElse(1);
    }
}
