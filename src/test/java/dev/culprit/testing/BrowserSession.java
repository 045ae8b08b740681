package dev.culprit.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Chromium for a test class, from the distribution's packages ({@code /usr/bin/chromium}
 * driven by {@code /usr/bin/chromedriver}), through Selenium and offline: the driver is given, so
 * Selenium Manager never runs, and Chromium's own background traffic is switched off. Where either
 * is not installed, each test skips, naming the missing binary ({@code .ci/run} installs both); a
 * class's {@code @BeforeAll} asks {@link #installed()} before it builds what only a browser needs.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final BrowserSession browser = new BrowserSession();
 * </pre>
 *
 * It keeps each test's SEVERE entries of the browser's console ({@link #consoleErrors()}) and writes
 * screenshots to {@code target/screenshots/PAGE.png}.
 */
public final class BrowserSession implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    /** Debian's Chromium, or the system property {@code culprit.chromium}. */
    public static final Path CHROMIUM = Path.of(System.getProperty("culprit.chromium", "/usr/bin/chromium"));
    /** Debian's chromedriver, or the system property {@code culprit.chromedriver}. */
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("culprit.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Taller pages are cut there in a screenshot. */
    private static final int MAX_SCREENSHOT_HEIGHT = 6000;
    /**
     * Selenium warns at each start that it has no DevTools module for this Chromium's version: none
     * is needed (screenshots go through chromedriver's own CDP command). Held here so that the level
     * stays set.
     */
    private static final java.util.logging.Logger CDP_VERSION_FINDER =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final List<String> consoleErrors = new ArrayList<>();
    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path profile;

    /** Whether Chromium and its driver are installed; where not, each test skips, saying which is missing. */
    public static boolean installed() {
        return missing().isEmpty();
    }

    private static List<Path> missing() {
        return Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).toList();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // skipped test by test (not the class as a whole), so that the reports count and explain them
        assumeTrue(installed(), () -> missing().stream().map(Path::toString).collect(Collectors.joining(" and "))
                + " not installed (Debian packages chromium and chromium-driver; .ci/run installs them): browser test skipped");
        collectConsole();
        consoleErrors.clear();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!installed()) {
            return;
        }
        // Selenium traces its commands through OpenTelemetry unless told not to: nothing here reads them.
        System.setProperty("webdriver.remote.enableTracing", "false");
        profile = Files.createTempDirectory("culprit-chromium-");
        Files.createDirectories(Path.of("target"));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(Path.of("target", "chromedriver.log").toFile())
                .build();
        try {
            driver = new ChromeDriver(service, options(profile));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            afterAll(context);
            throw e;
        }
    }

    static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                // this machine's network is closed: Chromium must not try to reach anything but the page
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--disable-default-apps", "--disable-extensions", "--disable-domain-reliability",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                "--no-first-run", "--no-default-browser-check", "--metrics-recording-only",
                "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        return options;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads a page and waits until it has loaded; collects the console entries it caused. */
    public void open(String url) {
        driver.get(url);
        collectConsole();
    }

    /** The SEVERE console entries of the pages this test loaded, each with the page's address. */
    public List<String> consoleErrors() {
        collectConsole();
        return List.copyOf(consoleErrors);
    }

    private void collectConsole() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(driver.getCurrentUrl() + ": " + e.getMessage());
            }
        }
    }

    /** Runs a script in the page (WebDriver's script channel, which the page's CSP does not govern). */
    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves the whole page (up to 6,000 CSS pixels tall) as {@code target/screenshots/NAME.png}. */
    public Path screenshot(String name) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), MAX_SCREENSHOT_HEIGHT);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            if (profile != null) {
                deleteTree(profile);
                profile = null;
            }
        }
    }

    /** Best effort: a Chromium helper still ending may write into its profile while it goes. */
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("left behind: " + root + " (" + e + ")");
        }
    }
}
