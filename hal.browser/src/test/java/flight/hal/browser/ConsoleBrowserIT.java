package flight.hal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The exported runtime's HAL console in a real browser: log in, read the Drivers, Resources and Devices pages by
 * their content (markup contract: the selected driver's row, a budget bar, a zone of the zoned device), deploy a
 * platform profile and see the Drivers page follow without a reload, and have wrong credentials refused. A
 * screenshot of each page is saved under {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    private static final String USER = "hal-browser-test";
    /** A new password per run: the runtime has no default one. */
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final String MEMORY_DRIVER = "flight.hal.memory.MemoryDriver";
    /** The zoned device of the runtime's first-start defaults (hal.defaults): 8 zones. */
    private static final String ZONED_DEVICE = "zns0";
    private static final int ZONES = 8;
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);

    private static final Path OUTPUT = Path.of(System.getProperty("hal.browser.output", "target"));
    private static final Path SCREENSHOTS = OUTPUT.resolve("screenshots");

    private static Path work;
    private static RuntimeUnderTest runtime;
    private static HeadlessChromium browser;

    @BeforeAll
    static void bootRuntimeAndBrowser() throws IOException, InterruptedException, URISyntaxException {
        String missing = HeadlessChromium.missing();
        if (missing != null) {
            fail(missing);
        }
        Files.createDirectories(OUTPUT);
        work = Files.createTempDirectory(OUTPUT, "browser-work-");
        runtime = RuntimeUnderTest.start(property("hal.runtime.jar"), work.resolve("runtime"),
                OUTPUT.resolve("browser-runtime.log"), List.of("felix.webconsole.username=" + USER,
                        "felix.webconsole.password=" + PASSWORD));
        runtime.awaitHttp(BOOT_TIMEOUT);
        browser = HeadlessChromium.start(work.resolve("chromium"), OUTPUT.resolve("chromedriver.log"));
        browser.logIn(runtime.uri("/system/console/"), USER, PASSWORD);
    }

    @AfterAll
    static void endRuntimeAndBrowser() throws IOException, InterruptedException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            try {
                if (runtime != null) {
                    runtime.close();
                }
            } finally {
                if (work != null) {
                    delete(work);
                }
            }
        }
    }

    @Test
    @Order(1)
    void driversPageShowsTheSelectedDriver() throws IOException {
        browser.open(page("hal-drivers"), "host.memory selected on the Drivers page",
                selectedDriver(MEMORY_DRIVER, "host.memory"));
        browser.screenshot(SCREENSHOTS.resolve("drivers.png"));
    }

    @Test
    @Order(2)
    void resourcesPageShowsTheMemoryBudgetBar() throws IOException {
        browser.open(page("hal-resources"), "the MEMORY budget bar on the Resources page", driver -> {
            WebElement bar = driver.findElement(By.cssSelector(".budget-bar[data-type='MEMORY']"));
            return bar.isDisplayed() && bar.getSize().getWidth() > 0;
        });
        browser.screenshot(SCREENSHOTS.resolve("resources.png"));
    }

    @Test
    @Order(3)
    void devicesPageShowsTheZonesOfTheZonedDevice() throws IOException {
        String zones = "section.device[data-device='" + ZONED_DEVICE + "'] .zone";
        browser.open(page("hal-devices"), ZONES + " zones of " + ZONED_DEVICE + " on the Devices page",
                driver -> driver.findElements(By.cssSelector(zones)).size() == ZONES);
        WebElement first = browser.driver().findElement(By.cssSelector(zones + "[data-zone='0']"));
        assertEquals("EMPTY", first.getAttribute("data-state"), "a new zoned device's first zone");
        browser.screenshot(SCREENSHOTS.resolve("devices.png"));
    }

    @Test
    @Order(4)
    void deployingAProfileChangesTheDriversPageWithoutAReload() throws IOException {
        browser.open(page("hal-drivers"), "host.memory selected before the profile is deployed",
                selectedDriver(MEMORY_DRIVER, "host.memory"));
        browser.script("window.__halNoReload = true;");
        runtime.deploy(property("hal.browser.profile"));
        browser.await("dreamcast.memory selected on the open Drivers page after the Dreamcast profile was deployed",
                selectedDriver(MEMORY_DRIVER, "dreamcast.memory"));
        assertEquals(Boolean.TRUE, browser.script("return window.__halNoReload === true;"),
                "the Drivers page changed in place: the marker set before the deployment is still there");
        browser.screenshot(SCREENSHOTS.resolve("drivers-dreamcast.png"));
    }

    @Test
    @Order(5)
    void wrongCredentialsAreRefused() throws IOException, InterruptedException {
        URI drivers = runtime.uri("/system/console/hal-drivers");
        assertEquals(200, status(drivers, USER + ":" + PASSWORD), "the right credentials");
        assertEquals(401, status(drivers, USER + ":wrong-" + PASSWORD), "a wrong password");
        assertEquals(401, status(drivers, "admin:admin"), "the Web Console's old default");
        assertEquals(401, status(drivers, null), "no credentials");
    }

    /** The candidate row of {@code driverName} is the selected one of {@code hal} and shows the driver's name. */
    private static Predicate<WebDriver> selectedDriver(String hal, String driverName) {
        return driver -> driver.findElements(By.cssSelector(
                        "tr.candidate[data-interface='" + hal + "'][data-state='SELECTED']")).stream()
                .anyMatch(row -> driverName.equals(row.getAttribute("data-driver"))
                        && row.getText().contains(driverName));
    }

    private static String page(String label) {
        return runtime.uri("/system/console/" + label).toString();
    }

    private static int status(URI uri, String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Path property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && Files.isRegularFile(Path.of(value)),
                "system property " + name + " names no file: " + value + " (the build sets it; run mvn install)");
        return Path.of(value);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
