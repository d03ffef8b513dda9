#if( $halInterface == "thread" )
#set( $halPackage = "thread" )
#set( $halType = "ThreadDriver" )
#else
#set( $halPackage = "memory" )
#set( $halType = "MemoryDriver" )
#end
package ${package};

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.file.Paths;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import flight.hal.${halPackage}.${halType};
import flight.hal.testing.HalHarness;
import flight.hal.testing.HalRuntime;

/** The driver bundle in the HAL runtime (Felix, SCR, the registry, the host drivers), as it will run. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DriverInRuntimeIT {
    private static final String DRIVER = "${artifactId}.${halPackage}";

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return options(HalRuntime.options(bundle(Paths.get(System.getProperty("hal.driver.jar")).toUri().toString())));
    }

    @Test
    public void theRegistrySelectsTheDriverAndItIsCompliant() throws Exception {
        try (HalHarness hal = new HalHarness(context)) {
            hal.awaitSelected(${halType}.class, DRIVER);
            hal.assertCompliant(DRIVER);
        }
    }

    @Test
    public void theHostDriverTakesOverWhileTheBundleIsStopped() throws Exception {
        try (HalHarness hal = new HalHarness(context)) {
            hal.swapOut("${artifactId}");
            hal.awaitSelected(${halType}.class, "host.${halPackage}");
            hal.swapIn("${artifactId}");
            hal.awaitSelected(${halType}.class, DRIVER);
        }
    }
}
