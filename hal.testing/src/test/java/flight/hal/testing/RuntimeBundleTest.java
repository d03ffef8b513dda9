package flight.hal.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;

class RuntimeBundleTest {

    @Test
    void theListedBundlesAreReadWithTheirStartLevels() {
        List<RuntimeBundle> bundles = RuntimeBundle.parse("""

                The following files have been resolved:
                   flight.hal:flight.hal.registry:jar:0.1.0-SNAPSHOT:compile -- module flight.hal.registry (auto)
                   org.slf4j:slf4j-api:jar:2.0.17:runtime -- module org.slf4j
                   org.osgi:osgi.core:jar:8.0.0:provided
                """);
        assertEquals(List.of(new RuntimeBundle("flight.hal", "flight.hal.registry", "0.1.0-SNAPSHOT", 10),
                new RuntimeBundle("org.slf4j", "slf4j-api", "2.0.17", 1)), bundles);
        assertEquals(Paths.get("/m2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar"),
                bundles.get(1).in(Paths.get("/m2")));
    }

    @Test
    void theKitsBuildListedTheRuntimeAndItsVersion() {
        List<RuntimeBundle> bundles = RuntimeBundle.all();
        assertTrue(bundles.stream().anyMatch(bundle -> bundle.artifactId().equals("flight.hal.registry")
                && bundle.version().equals(RuntimeBundle.kitVersion())), bundles::toString);
        assertTrue(bundles.stream().anyMatch(bundle -> bundle.artifactId().equals("org.apache.felix.scr")),
                bundles::toString);
        assertTrue(bundles.stream().noneMatch(bundle -> bundle.artifactId().equals("org.apache.felix.framework")),
                bundles::toString);
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals(null, ComplianceRunner.RunnerArguments.parse(new String[0]));
        assertEquals(null, ComplianceRunner.RunnerArguments.parse(new String[] {"a.jar", "--report"}));
        assertEquals(null, ComplianceRunner.RunnerArguments.parse(new String[] {"a.jar", "--timeout", "x"}));
        assertEquals(null, ComplianceRunner.RunnerArguments.parse(new String[] {"a.jar", "b.jar"}));
        ComplianceRunner.RunnerArguments arguments = ComplianceRunner.RunnerArguments.parse(
                new String[] {"a.jar", "--report", "r", "--repository", "m2", "--timeout", "5"});
        assertEquals(new ComplianceRunner.RunnerArguments(Paths.get("a.jar"), Paths.get("r"), Paths.get("m2"), 5),
                arguments);
    }
}
