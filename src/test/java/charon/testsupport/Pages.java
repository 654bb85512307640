package charon.testsupport;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * What every browser test needs: Debian's Chromium, headless and kept off the network (it would otherwise query
 * outside DNS at start-up: stack-notes), and the page helpers that find elements by {@code data-testid}.
 */
public final class Pages {

    /** Chromium's flags for every test browser: headless, its own profile, no traffic but to 127.0.0.1. */
    private static final List<String> OFF_THE_NETWORK = List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");

    private Pages() {
    }

    /**
     * A Chromium with a fresh profile under {@code dataDir}; {@code arguments} adds the caller's flags (window size,
     * {@code --disable-gpu} or software WebGL, autoplay...).
     */
    public static ChromeDriver chromium(Path dataDir, String name, String... arguments) throws IOException {
        Files.createDirectories(dataDir);
        Path profile = Files.createTempDirectory(dataDir, "chromium-" + name + "-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(OFF_THE_NETWORK);
        options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    public static By testid(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    public static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    public static boolean exists(WebDriver d, String id) {
        return Boolean.TRUE.equals(js(d, "return !!document.querySelector('[data-testid=\"' + arguments[0] + '\"]')", id));
    }

    public static String attr(WebDriver d, String id, String name) {
        return (String) js(d, "const e = document.querySelector('[data-testid=\"' + arguments[0] + '\"]'); return e ? e.getAttribute(arguments[1]) : null;", id, name);
    }

    /** The element's text, trimmed (a textarea's current value); empty when there is no such element. */
    public static String text(WebDriver d, String id) {
        Object t = js(d, "const e = document.querySelector('[data-testid=\"' + arguments[0] + '\"]'); return e ? (e.tagName === 'TEXTAREA' ? e.value : e.textContent) : '';", id);
        return t == null ? "" : t.toString().trim();
    }

    /** {@code document.body.dataset[key]}: the pages publish their connection, version and view there. */
    public static String bodyData(WebDriver d, String key) {
        return (String) js(d, "return document.body ? (document.body.dataset[arguments[0]] ?? null) : null;", key);
    }

    /** Waits, polling every 20 ms, until the condition holds (elements replaced or not there yet count as not yet). */
    public static void awaitTrue(WebDriver d, String what, Duration timeout, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(d, timeout)
                .pollingEvery(Duration.ofMillis(20))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .withMessage(what)
                .until(condition);
    }

    /** Clicks the element once it is shown and enabled, scrolled to the middle of the view first. */
    public static void click(WebDriver d, String id, Duration timeout) {
        awaitTrue(d, "clickable " + id, timeout, x -> {
            WebElement e = x.findElement(testid(id));
            if (!e.isDisplayed() || !e.isEnabled()) {
                return false;
            }
            js(x, "arguments[0].scrollIntoView({block:'center'})", e);
            e.click();
            return true;
        });
    }

    public static void screenshot(WebDriver d, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new AssertionError("screenshot " + name, e);
        }
    }
}
