package flight.hal.it;

import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;

/** A driver jar dropped into the watched deploy folder takes over; deleting it moves selection back. */
@RunWith(PaxExam.class)
public class FileInstallDeployIT extends HalItSupport {

    @Configuration
    public Option[] configuration() throws IOException {
        return options(halFramework(), deployFolder("deploy"));
    }

    @Test
    public void droppingADriverJarSwapsAndDeletingItSwapsBack() throws Exception {
        awaitSelected(HOST);
        Path deploy = Paths.get(context.getProperty("hal.it.deploy"));
        Path jar = deploy.resolve("test-drivers.jar");
        Files.copy(bundleJar(TESTING_DRIVERS), jar, StandardCopyOption.REPLACE_EXISTING);
        awaitSelected(TEST);
        Files.delete(jar);
        awaitSelected(HOST);
    }
}
