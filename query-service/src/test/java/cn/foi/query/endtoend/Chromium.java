package cn.foi.query.endtoend;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Debian's headless Chromium, driven through its own chromedriver (no browser download). Where the
 * packages are missing the browser tests are skipped with a notice, unless {@code -Dfoi.browser.required=true}
 * (CI, which installs them) turns that into a failure.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of(System.getProperty("foi.browser.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("foi.browser.driver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final Path downloads;
    private final String baseUrl;

    private Chromium(String baseUrl, Path downloads) {
        this.baseUrl = baseUrl;
        this.downloads = downloads;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // the flags that keep Chromium from calling out of this closed network at every start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--disable-quic", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--lang=zh-CN", "--window-size=1366,768");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                                                      "download.prompt_for_download", false,
                                                      "intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                                                                       .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    static Chromium open(String baseUrl) {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!present) {
            if (Boolean.getBoolean("foi.browser.required")) {
                throw new IllegalStateException("browser tests required but " + BROWSER + " or " + DRIVER
                                                + " is missing (apt-get install chromium chromium-driver)");
            }
            System.err.println("NOTICE: browser tests skipped: " + BROWSER + " or " + DRIVER
                               + " missing (apt-get install chromium chromium-driver fonts-noto-cjk; CI installs them)");
            Assumptions.abort("Chromium not installed");
        }
        try {
            return new Chromium(baseUrl, Files.createTempDirectory("foi-downloads"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void visit(String path) {
        driver.get(baseUrl + path);
    }

    /** The element with this data-test name, once it is on the page. */
    WebElement find(String test) {
        try {
            return await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                          .until(() -> driver.findElement(By.cssSelector("[data-test='" + test + "']")), e -> e.isDisplayed());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            evidence("missing-" + test);
            throw e;
        }
    }

    /** What the page showed when a step failed: a screenshot and its HTML, beside the other screenshots. */
    void evidence(String name) {
        try {
            screenshot(name);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource() + "\n<!-- " + driver.getCurrentUrl() + " -->");
        } catch (RuntimeException | IOException ignored) {
            // evidence is best effort; the failure itself is reported by the caller
        }
    }

    List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    void type(String test, String text) {
        WebElement field = find(test);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a date or select value the way a user's choice would, with the events a page listens to. */
    void set(String test, String value) {
        WebElement field = find(test);
        driver.executeScript("arguments[0].value = arguments[1];"
                             + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                             + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
    }

    void click(String test) {
        WebElement element = find(test);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    void signIn(String username, String password) {
        visit("/login.html");
        type("login-username", username);
        type("login-password", password);
        click("login-submit");
        await().atMost(Duration.ofSeconds(15)).until(() -> !driver.getCurrentUrl().contains("login"));
    }

    void signOut() {
        driver.manage().deleteAllCookies();
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Kept under target/screenshots as a test artifact. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // a page still navigating refuses a screenshot ("aborted by navigation"): taken again once it has settled
            File shot = await().atMost(Duration.ofSeconds(15))
                               .ignoreExceptionsInstanceOf(org.openqa.selenium.TimeoutException.class)
                               .until(() -> driver.getScreenshotAs(OutputType.FILE), java.util.Objects::nonNull);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The downloaded file whose name ends so, once the browser has finished writing it. */
    Path downloaded(String suffix) {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            }
        }, f -> f != null);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
