package flight.hal.testing;

import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import org.ops4j.pax.exam.Option;

/**
 * The HAL runtime as Pax Exam options: Felix with SCR, Config Admin, Event Admin, SLF4J through SPI Fly, the HAL's
 * bundles (registry, resources, host, platform and storage drivers, support library, compliance kit), this kit, JUnit,
 * and the bundles under test. Everything comes from the Maven repository at the versions this kit was built with
 * (the BOM's), through Pax URL's {@code mvn:} handler: a test sets {@code org.ops4j.pax.url.mvn.localRepository} when
 * it builds with another local repository than {@code ~/.m2/repository}.
 *
 * <pre>{@code
 * @Configuration
 * public Option[] config() {
 *     return new Option[] {HalRuntime.options(bundle(Paths.get("target/my-driver.jar").toUri().toString()))};
 * }
 * }</pre>
 *
 * Used where a test's configuration is made, outside the framework.
 */
public final class HalRuntime {
    private static final String GROUP = "flight.hal";
    private static final String KIT = "flight.hal.testing";

    private HalRuntime() {
    }

    /** The runtime, this kit and JUnit, with {@code underTest} (bundles, configuration, properties) added. */
    public static Option options(Option... underTest) {
        return composite(runtimeBundles(), kitBundle(), junitBundles(), composite(underTest));
    }

    /** The runtime's bundles at their start levels, and the framework brought to the level that starts them all. */
    public static Option runtimeBundles() {
        return composite(cleanCaches(), frameworkStartLevel(RuntimeBundle.LEVEL),
                composite(RuntimeBundle.all().stream()
                        .map(bundle -> mavenBundle(bundle.groupId(), bundle.artifactId(), bundle.version())
                                .startLevel(bundle.startLevel()))
                        .toArray(Option[]::new)));
    }

    /** This kit's bundle: {@link HalHarness} and the fault-injecting memory driver ({@link MemoryFaults}). */
    public static Option kitBundle() {
        return mavenBundle(GROUP, KIT, RuntimeBundle.kitVersion());
    }
}
