package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourceType;
import flight.hal.resources.ScopedResource;

/**
 * The Web Console with the HAL pages, over HTTP on 127.0.0.1 (a port free when the framework is configured): served
 * only with the credentials generated on start, the Drivers page following a hot swap and pinning through its
 * forms, the Resources page's budget bars, the Devices page's zone map, compliance run from the page.
 */
@RunWith(PaxExam.class)
public class ConsoleIT extends StorageItSupport {
    static final String OSGI_MANAGER = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    static final String PASSWORD_FILE = "flight.hal.console.password.file";
    static final String DRIVERS = "/system/console/hal-drivers";
    static final String RESOURCES = "/system/console/hal-resources";
    static final String DEVICES = "/system/console/hal-devices";

    @Inject
    ResourceManager resources;

    private ConsoleClient http;
    private String password;

    @Configuration
    public Option[] configuration() throws IOException {
        Path work = Files.createDirectories(Paths.get(System.getProperty("hal.it.work")));
        return options(storageFramework(),
                ourBundle("flight.hal.resources"),
                ourBundle("flight.hal.compliance"),
                consoleBundles(),
                frameworkProperty(PASSWORD_FILE).value(
                        Files.createTempDirectory(work, "console").resolve("console-password.txt").toString()));
    }

    /** The Web Console on Jetty, bound to 127.0.0.1, waiting for the HAL console's security provider. */
    static Option consoleBundles() throws IOException {
        return composite(httpServer(),
                frameworkProperty("felix.webconsole.security.providers").value("flight.hal.console"),
                frameworkProperty("flight.hal.resources.admin.bundles").value("flight.hal.console"),
                ourBundle("org.owasp.encoder"),
                ourBundle("org.apache.felix.inventory"),
                ourBundle("org.apache.felix.webconsole"),
                ourBundle("org.apache.felix.webconsole.plugins.ds"),
                ourBundle("flight.hal.console"));
    }


    /** Reads the generated password once it is written, and waits until the console serves with it. */
    @Before
    public void logIn() throws Exception {
        http = new ConsoleClient(Integer.parseInt(context.getProperty(HTTP_PORT)));
        Path file = Paths.get(context.getProperty(PASSWORD_FILE));
        awaitUntil(() -> Files.exists(file) && generatedPassword(file) != null, () -> "no password in " + file);
        password = generatedPassword(file);
        awaitUntil(() -> status(DRIVERS, "admin", password) == 200,
                () -> "the console does not serve " + DRIVERS + " with the generated password");
    }

    private static String generatedPassword(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith("password="))
                    .map(line -> line.substring("password=".length())).findFirst().orElse(null);
        } catch (IOException notYet) {
            return null;
        }
    }

    private int status(String path, String user, String pass) {
        try {
            return http.get(path, user, pass).status();
        } catch (IOException notListening) {
            return -1;
        }
    }

    private String fragment(String page) throws IOException {
        ConsoleClient.Answer answer = http.get(page + "?fragment=1", "admin", password);
        assertEquals(answer.body(), 200, answer.status());
        return answer.body();
    }

    /** Waits until the page's live content contains {@code text}; returns it as seen then. */
    private String awaitFragment(String page, String text) {
        AtomicReference<String> seen = new AtomicReference<>("");
        awaitUntil(() -> {
            try {
                seen.set(fragment(page));
            } catch (IOException failed) {
                seen.set(failed.toString());
            }
            return seen.get().contains(text);
        }, () -> page + " does not show " + text + ":\n" + seen.get());
        return seen.get();
    }

    private String post(String form) throws IOException {
        ConsoleClient.Answer answer = http.post(DRIVERS, "admin", password, form);
        assertEquals(answer.body(), 303, answer.status());
        String location = answer.location();
        return URLDecoder.decode(location.substring(location.indexOf("message=") + "message=".length()),
                StandardCharsets.UTF_8);
    }

    @Test
    public void thePagesAreServedOnlyWithTheGeneratedCredentialsStoredHashed() throws Exception {
        for (String page : List.of(DRIVERS, RESOURCES, DEVICES)) {
            assertEquals(page, 401, status(page, null, null));
            assertEquals(page, 401, status(page, "admin", "admin"));
            assertEquals(page, 401, status(page, "admin", password + "x"));
            ConsoleClient.Answer answer = http.get(page, "admin", password);
            assertEquals(page, 200, answer.status());
            assertTrue(page, answer.body().contains("<div id=\"hal-live\" data-fragment=\"" + page + "?fragment=1\">"));
        }
        String menu = http.get(DRIVERS, "admin", password).body();
        assertTrue(menu, menu.contains("Flight HAL") && menu.contains(">Drivers<") && menu.contains(">Resources<")
                && menu.contains(">Devices<"));

        Object stored = configurationAdmin.getConfiguration(OSGI_MANAGER, "?").getProperties().get("password");
        assertTrue(String.valueOf(stored), String.valueOf(stored).matches("\\{sha-256\\}[0-9a-f]{16}-1000-.+"));
        assertFalse(String.valueOf(stored).contains(password));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                Paths.get(context.getProperty(PASSWORD_FILE)))));
    }

    @Test
    public void withoutTheHalSecurityProviderTheConsoleServesNothingNotEvenToAdminAdmin() throws Exception {
        Bundle console = bundle("flight.hal.console");
        console.stop();
        // the Web Console withdraws while its required provider is missing: as in the moments before it first came
        awaitUntil(() -> status("/system/console/bundles", "admin", "admin") == 404,
                () -> "the console still answers without the HAL provider");
        assertEquals(404, status(DRIVERS, "admin", password));

        console.start();
        awaitUntil(() -> status("/system/console/bundles", "admin", password) == 200,
                () -> "the console did not come back with the HAL provider");
        assertEquals(401, status("/system/console/bundles", "admin", "admin"));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    @Test
    public void theDriversPageFollowsAHotSwapAndPinsThroughItsForms() throws Exception {
        awaitFragment(DRIVERS, "data-driver=\"host.memory\" data-state=\"SELECTED\"><td>host.memory</td>");

        Bundle drivers = installTestDrivers();
        awaitSelected(TEST);
        awaitFragment(DRIVERS, "data-driver=\"test.memory\" data-state=\"SELECTED\"><td>test.memory</td>");
        assertTrue(fragment(DRIVERS).contains("data-driver=\"host.memory\" data-state=\"STANDBY\""));

        assertEquals(MEMORY + " pinned to " + HOST,
                post("action=pin&interface=" + MEMORY + "&driver=" + HOST));
        awaitSelected(HOST);
        awaitFragment(DRIVERS, "pinned to host.memory");
        assertEquals(MEMORY + " unpinned: selection by ranking", post("action=unpin&interface=" + MEMORY));
        awaitSelected(TEST);

        String refused = post("action=unpin&interface=" + MEMORY);
        assertTrue(refused, refused.startsWith("refused: NOT_FOUND"));
        assertTrue(post("action=pin&interface=&driver=").startsWith("refused: INVALID_PARAMETER"));

        drivers.uninstall();
        awaitSelected(HOST);
        awaitFragment(DRIVERS, "data-driver=\"host.memory\" data-state=\"SELECTED\"");
    }

    @Test
    public void theResourcesPageDrawsEveryBudgetTheUsageOfEachBundleAndPressureAsItChanges() throws Exception {
        String page = awaitFragment(RESOURCES, "<div class=\"budget-bar\" data-type=\"MEMORY\"");
        assertTrue(page, page.contains("<div class=\"budget-bar\" data-type=\"HARDWARE\""));

        try (ScopedResource held = resources.acquireScoped("console-it", ResourceMetadata.of(ResourceType.MEMORY,
                3 << 20), AcquisitionMode.NON_BLOCKING).orElseThrow()) {
            String withUsage = awaitFragment(RESOURCES, "data-bundle=\"" + context.getBundle().getSymbolicName()
                    + "\"");
            assertTrue(withUsage, withUsage.contains("3.0 MiB (3,145,728 B)"));

            // a budget of 4 MiB: 3 MiB in use is 75 %, the warning level, and the open page shows the pressure
            org.osgi.service.cm.Configuration budgets = configurationAdmin.getConfiguration(ResourceManager.PID, "?");
            budgets.update(new Hashtable<>(Map.of("memory.max", 4L << 20)));
            awaitFragment(RESOURCES, "<div class=\"budget-bar\" data-type=\"MEMORY\" data-pressure=\"HIGH\"");
            assertTrue(fragment(RESOURCES).contains("<div class=\"budget-used\" style=\"width:75.00%\">"));
        }
        awaitFragment(RESOURCES, "<div class=\"budget-bar\" data-type=\"MEMORY\" data-pressure=\"NONE\"");
    }

    @Test
    public void theDevicesPageDrawsAZonedDevicesZoneMapAndComplianceRunsFromThePage() throws Exception {
        device("zns", "kind", "ZONED", "block.size", 512, "zone.size.blocks", 16, "zone.count", 4);
        awaitDevice("zns").zoneAppend(16, ByteBuffer.allocate(1024)).orElseThrow();

        String page = awaitFragment(DEVICES, "<section class=\"hal-section device\" data-device=\"zns\">");
        assertTrue(page, page.contains("data-zone=\"0\" data-state=\"EMPTY\""));
        assertTrue(page, page.contains("data-zone=\"1\" data-state=\"IMPLICITLY_OPEN\" data-write-pointer=\"18\""));
        assertTrue(page, page.contains("data-zone=\"3\""));

        assertNotEquals("", post("action=comply&driver=zns"));
        String report = awaitFragment(DRIVERS,
                "<div class=\"compliance-run\" data-driver=\"zns\" data-state=\"DONE\">");
        assertTrue(report, report.contains("zns: done, COMPLIANT"));
        assertTrue(report, report.contains("<pre class=\"compliance-report\">zns (flight.hal.storage.BlockDevice)"));
    }
}
