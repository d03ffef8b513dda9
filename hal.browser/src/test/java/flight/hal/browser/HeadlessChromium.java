package flight.hal.browser;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's ChromeDriver (both paths given, so Selenium Manager never looks for
 * or downloads a browser), with a fresh profile.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("hal.browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("hal.browser.chromedriver", "/usr/bin/chromedriver"));
    /** How long a page may take to show what a test waits for: two live refreshes of the console and then some. */
    static final Duration PAGE_TIMEOUT = Duration.ofSeconds(20);

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Null when Chromium and ChromeDriver are both installed; otherwise what is missing and how to install it. */
    static String missing() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return null;
        }
        return "the browser test needs Chromium (" + CHROMIUM + ") and ChromeDriver (" + CHROMEDRIVER + "): run "
                + "`.ci/install-chromium` as root (Debian: apt-get install chromium chromium-driver), or point "
                + "-Dhal.browser.chromium/-Dhal.browser.chromedriver at them; -Dbrowser.test.skip=true leaves the "
                + "test out on purpose";
    }

    /** Starts Chromium with a new profile in {@code profile}, ChromeDriver logging to {@code driverLog}. */
    static HeadlessChromium start(Path profile, Path driverLog) throws IOException {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(driverLog.toFile()).build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    /**
     * Logs in with HTTP Basic auth: opens {@code page} once with the credentials in its URL, which puts them in the
     * browser's authentication cache for that server. Every later page is opened without them: a page whose URL
     * carries credentials may not use {@code fetch()} (Chromium refuses "a URL that includes credentials"), and the
     * console pages' live refresh does.
     */
    void logIn(URI page, String user, String password) throws URISyntaxException {
        driver.get(new URI(page.getScheme(), user + ":" + password, page.getHost(), page.getPort(), page.getPath(),
                null, null).toString());
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens {@code url} and waits, at most {@link #PAGE_TIMEOUT}, until {@code shown} holds of the page. */
    void open(String url, String what, Predicate<WebDriver> shown) {
        driver.get(url);
        await(what, shown);
    }

    /**
     * Waits, polling the page, at most {@link #PAGE_TIMEOUT}, until {@code shown} holds of it; fails naming
     * {@code what} it waited for. Elements replaced by a live refresh while being read are read again.
     */
    void await(String what, Predicate<WebDriver> shown) {
        new WebDriverWait(driver, PAGE_TIMEOUT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(shown::test);
    }

    Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Saves what the window shows to {@code file}. */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.move(shot, file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
