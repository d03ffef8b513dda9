package flight.hal.it;

import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
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
        Path deploy = Files.createDirectories(Paths.get(System.getProperty("hal.it.work"), "deploy"));
        try (var stale = Files.list(deploy)) {
            for (Path jar : stale.toList()) {
                Files.delete(jar);
            }
        }
        return options(halFramework(),
                frameworkProperty("felix.fileinstall.dir").value(deploy.toString()),
                frameworkProperty("felix.fileinstall.poll").value("100"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("hal.it.deploy").value(deploy.toString()),
                mavenBundle("org.apache.felix", "org.apache.felix.fileinstall").versionAsInProject());
    }

    @Test
    public void droppingADriverJarSwapsAndDeletingItSwapsBack() throws Exception {
        awaitSelected(HOST);
        Path deploy = Paths.get(context.getProperty("hal.it.deploy"));
        Path jar = deploy.resolve("test-drivers.jar");
        Files.copy(Paths.get(System.getProperty("hal.driver.testing.jar")), jar, StandardCopyOption.REPLACE_EXISTING);
        awaitSelected(TEST);
        Files.delete(jar);
        awaitSelected(HOST);
    }
}
