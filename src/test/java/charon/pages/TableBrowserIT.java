package charon.pages;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import charon.testsupport.Deployments;
import charon.testsupport.Session;
import charon.testsupport.SqliteLockHolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table's state in real headless Chromium: what the TV shows of an encounter comes back after the GM leaves
 * for the bridge and another location; undo (Ctrl+Z) and the encounter reset from the console; a console and a
 * player's page whose login has really ended say so and lead back. Waits only on DOM state the pages expose.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TableBrowserIT {

    private static final String SHIP = "msv_caldera_wren";
    private static final String STATION = "tallow_station";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "table-browser-" + System.nanoTime());

    private static WebDriver console;
    private static WebDriver display;
    private static Session gm;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        return Deployments.onFixtureDatabase("tablebrowser", DATA, "1");
    }

    private String page(String path) {
        return base.toString() + path;
    }

    private URI api() {
        return URI.create(base.toString()).resolve("api/");
    }

    @BeforeEach
    void browsers() throws Exception {
        if (console == null) {
            gm = Session.gm(api());
            console = browser("console");
            display = browser("display");
            console.get(page("gmconsole/"));
            loginThroughThePage(console, "gm", "gm-pass-123");
            awaitTrue(console, "console live", d -> d.getCurrentUrl().endsWith("/gmconsole/") && "live".equals(bodyData(d, "connection"))
                    && exists(d, "undo"));
            display.get(page("terminal/"));
            awaitTrue(display, "display live", d -> "live".equals(bodyData(d, "connection")) && bodyData(d, "viewType") != null);
        }
    }

    @AfterAll
    static void quit() {
        for (WebDriver driver : new WebDriver[] {console, display}) {
            if (driver != null) {
                driver.quit();
            }
        }
        console = null;
        display = null;
    }

    @Test
    @Order(1)
    void theDisplayShowsAnEncounterAsItWasLeft() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + SHIP + "\"}");
        awaitTrue(console, "console on the ship", d -> exists(d, "reveal-wren_cryo"));
        click(console, "reveal-wren_cryo"); // the GM reveals the cryo vault on the console
        String token = gm.ok("gm/encounter/place-token/", "{\"type\":\"npc\",\"name\":\"Vask\",\"x\":20,\"y\":6,\"room_id\":\"wren_cryo\"}").getString("token_id");
        gm.ok("gm/encounter/set-door-status/", "{\"connection_id\":\"wren_galley_cryo\",\"door_status\":\"OPEN\"}");
        awaitTrue(display, "the TV shows the vault, Vask and the open door", d -> "true".equals(attr(d, "room-wren_cryo", "data-visible"))
                && exists(d, "token-" + token) && openDoorShown(d));

        click(console, "view-btn-BRIDGE");
        awaitTrue(display, "the TV on the bridge", d -> "BRIDGE".equals(bodyData(d, "viewType")));
        click(console, "view-btn-ENCOUNTER"); // back to the encounter last shown
        awaitTrue(display, "the TV shows the ship as it was left", d -> "ENCOUNTER".equals(bodyData(d, "viewType"))
                && "true".equals(attr(d, "room-wren_cryo", "data-visible")) && !exists(d, "room-wren_galley") // hidden rooms never reach it
                && exists(d, "token-" + token) && openDoorShown(d));

        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + STATION + "\"}");
        awaitTrue(display, "the station, without the ship's rooms or token", d -> exists(d, "map-svg") && !exists(d, "room-wren_cryo")
                && !exists(d, "token-" + token));
        gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"tallow_chapel\"}");
        awaitTrue(display, "the chapel revealed", d -> "true".equals(attr(d, "room-tallow_chapel", "data-visible")));
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + SHIP + "\"}");
        awaitTrue(display, "the ship again, as it was", d -> "true".equals(attr(d, "room-wren_cryo", "data-visible")) && exists(d, "token-" + token));
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + STATION + "\"}");
        awaitTrue(display, "the station again, as it was", d -> "true".equals(attr(d, "room-tallow_chapel", "data-visible"))
                && !exists(d, "room-tallow_customs"));
    }

    @Test
    @Order(2)
    void undoWithCtrlZAndResetWithAConfirmation() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + SHIP + "\"}");
        awaitTrue(console, "console on the ship", d -> exists(d, "reveal-wren_medbay"));
        click(console, "reveal-wren_medbay");
        awaitTrue(display, "medbay revealed", d -> "true".equals(attr(d, "room-wren_medbay", "data-visible")));
        awaitTrue(console, "the console names the next undo", d -> text(d, "undo").equals("UNDO: reveal MEDBAY"));
        new Actions(console).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
        awaitTrue(display, "Ctrl+Z hides it again", d -> !exists(d, "room-wren_medbay"));
        awaitTrue(console, "redo offered", d -> text(d, "redo").equals("REDO: reveal MEDBAY"));
        new Actions(console).keyDown(Keys.CONTROL).keyDown(Keys.SHIFT).sendKeys("z").keyUp(Keys.SHIFT).keyUp(Keys.CONTROL).perform();
        awaitTrue(display, "Ctrl+Shift+Z reveals it again", d -> "true".equals(attr(d, "room-wren_medbay", "data-visible")));

        click(console, "reset-encounter");
        awaitTrue(console, "a confirmation first", d -> text(d, "table-confirm-question").startsWith("Reset MSV CALDERA WREN?"));
        assertEquals("true", attr(display, "room-wren_medbay", "data-visible"), "nothing reset before the GM confirms");
        click(console, "reset-confirm");
        awaitTrue(display, "the ship starts over", d -> !exists(d, "room-wren_medbay") && !exists(d, "room-wren_cryo")
                && ((JavascriptExecutor) d).executeScript("return document.querySelectorAll('[data-testid^=\"token-\"]').length").equals(0L));
    }

    @Test
    @Order(3)
    void aConsoleWhoseLoginEndedGoesToTheLoginPageAndBack() {
        console.manage().deleteAllCookies(); // the login is gone (as after a logout elsewhere)
        click(console, "view-btn-STANDBY"); // the GM's next click
        awaitTrue(console, "the console sends the GM to log in, saying why", d -> d.getCurrentUrl().contains("/login/")
                && text(d, "login-reason").startsWith("Your login has ended"));
        loginThroughThePage(console, "gm", "gm-pass-123");
        awaitTrue(console, "back on the console", d -> d.getCurrentUrl().endsWith("/gmconsole/") && exists(d, "undo"));
    }

    @Test
    @Order(4)
    void aPlayersPageWhoseLoginEndedSaysSignedOutAndOffersTheForm() throws Exception {
        display.get(page("login/"));
        loginThroughThePage(display, "ripley", "ripley-pass-123");
        awaitTrue(display, "ripley's messages", d -> d.getCurrentUrl().endsWith("/messages/") && "RIPLEY".equals(text(d, "messages-user"))
                && "live".equals(bodyData(d, "connection")));
        assertEquals(200, gm.post("gm/players/ripley/password/", "{\"password\":\"ripley-new-pass-456\"}").statusCode());
        awaitTrue(display, "signed out, with the login form", d -> exists(d, "signed-out") && exists(d, "relogin-form"));
        assertTrue(display.findElement(By.cssSelector(".page-header .sub")).getText().contains("SIGNED OUT"));
        display.findElement(By.cssSelector("[data-testid='relogin-username']")).sendKeys("ripley");
        display.findElement(By.cssSelector("[data-testid='relogin-password']")).sendKeys("ripley-new-pass-456");
        click(display, "relogin-submit");
        awaitTrue(display, "signed in again", d -> "RIPLEY".equals(text(d, "messages-user")) && !exists(d, "signed-out"));
    }

    @Test
    @Order(5)
    void theConsoleWarnsWhileTheTablesStateCannotBeSaved() throws Exception {
        awaitTrue(console, "console live", d -> exists(d, "undo"));
        display.get(page("terminal/"));
        awaitTrue(display, "display live", d -> "live".equals(bodyData(d, "connection")) && bodyData(d, "viewType") != null);
        assertTrue(!shown(console, "journal-warning"), "no warning while the journal writes");
        try (SqliteLockHolder lock = SqliteLockHolder.lock(DATA.resolve("charon.db"))) { // another program holds SQLite's lock
            gm.ok("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}");
            awaitTrue(display, "the table goes on", d -> "BRIDGE".equals(bodyData(d, "viewType")));
            awaitTrue(console, "the console warns", d -> shown(d, "journal-warning"));
        }
        awaitTrue(console, "the warning goes once the state is saved again", d -> !shown(d, "journal-warning"));
    }

    /**
     * Issue 21: the TV follows a patch stream (?patch=1) and a token move redraws that token alone: the rooms and the
     * other tokens keep their nodes. The main-thread time of each event handled (parse, patch, redraw: the Performance
     * measure live.js takes) is recorded with the CPU throttled 6x (DevTools Protocol), standing in for a cheap tablet;
     * it is reported (target/display-work.txt, docs/performance.md), never asserted here.
     */
    @Test
    @Order(6)
    void aTokenMoveReachesTheTvAsAPatchAndRedrawsThatTokenAlone() throws Exception {
        awaitTrue(display, "display live", d -> "live".equals(bodyData(d, "connection")));
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + SHIP + "\"}");
        gm.ok("gm/encounter/room-visibility/", "{\"room_visibility\":{\"wren_cockpit\":true,\"wren_galley\":true,\"wren_medbay\":true,"
                + "\"wren_airlock\":true,\"wren_cryo\":true}}");
        String mover = gm.ok("gm/encounter/place-token/", "{\"type\":\"player\",\"name\":\"Rook\",\"x\":9,\"y\":6,\"room_id\":\"wren_galley\"}")
                .getString("token_id");
        String still = gm.ok("gm/encounter/place-token/", "{\"type\":\"npc\",\"name\":\"Vask\",\"x\":11,\"y\":7,\"room_id\":\"wren_galley\"}")
                .getString("token_id");
        awaitTrue(display, "both tokens on the TV", d -> exists(d, "token-" + mover) && exists(d, "token-" + still));
        long patchesBefore = patchesSent();
        js(display, "const q = (id) => document.querySelector('[data-testid=\"' + id + '\"]');"
                + "window.keptNodes = [q('room-wren_galley'), q('token-' + arguments[0]), document.querySelector('[data-testid^=\"door-\"]')];"
                + "performance.clearMeasures('charon-activeview');", still);
        int moves = 30;
        ChromeDriver tv = (ChromeDriver) display;
        tv.executeCdpCommand("Emulation.setCPUThrottlingRate", java.util.Map.of("rate", 6));
        try {
            for (int i = 1; i <= moves; i++) {
                String x = String.valueOf(i % 2 == 0 ? 9 : 10);
                gm.ok("gm/encounter/move-token/", "{\"token_id\":\"" + mover + "\",\"x\":" + x + ",\"y\":6}");
                awaitTrue(display, "move " + i + " on the TV", d -> x.equals(attr(d, "token-" + mover, "data-x")));
            }
        } finally {
            tv.executeCdpCommand("Emulation.setCPUThrottlingRate", java.util.Map.of("rate", 1));
        }
        assertTrue(patchesSent() - patchesBefore >= moves, "the TV is on a patch stream");
        assertEquals(Boolean.TRUE, js(display, "const q = (id) => document.querySelector('[data-testid=\"' + id + '\"]');"
                + "return window.keptNodes.every(n => n && n.isConnected) && window.keptNodes[0] === q('room-wren_galley')"
                + " && window.keptNodes[1] === q('token-' + arguments[0]);", still), "rooms, doors and the other token are not drawn again");
        @SuppressWarnings("unchecked")
        java.util.List<Number> durations = (java.util.List<Number>) js(display,
                "return performance.getEntriesByName('charon-activeview').map(e => e.duration);");
        assertTrue(durations.size() >= moves, "every event handled is measured: " + durations.size());
        double[] ms = durations.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        String line = String.format(java.util.Locale.ROOT,
                "display work per token move, Chromium CPU throttled 6x, %d events: median %.2f ms, p90 %.2f ms, max %.2f ms%n",
                ms.length, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.9) - 1], ms[ms.length - 1]);
        System.out.print(line);
        Files.writeString(Path.of("target", "display-work.txt"), line, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private long patchesSent() throws Exception {
        return charon.testsupport.JsonText.object(gm.get("gm/diagnostics").body()).getJsonNumber("patches_sent").longValue();
    }

    // ------------------------------------------------------------------ helpers

    private static boolean shown(WebDriver d, String id) {
        return Boolean.TRUE.equals(js(d, "const e = document.querySelector('[data-testid=\"' + arguments[0] + '\"]'); return !!e && !e.hidden;", id));
    }


    private static void loginThroughThePage(WebDriver d, String user, String password) {
        awaitTrue(d, "login page", x -> x.getCurrentUrl().contains("/login/") && exists(x, "login-username"));
        d.findElement(By.cssSelector("[data-testid='login-username']")).sendKeys(user);
        d.findElement(By.cssSelector("[data-testid='login-password']")).sendKeys(password);
        d.findElement(By.cssSelector("[data-testid='login-submit']")).click();
    }

    private static ChromeDriver browser(String name) throws IOException {
        Files.createDirectories(DATA);
        Path profile = Files.createTempDirectory(DATA, "chromium-" + name + "-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1600,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    /**
     * The galley-cryo door, drawn on the revealed vault's side, OPEN. Its id on a display is opaque while the galley
     * is hidden (issue 15: the connection id names both rooms), so it is found by its status, not its id.
     */
    private static boolean openDoorShown(WebDriver d) {
        return Boolean.TRUE.equals(js(d, "return !!document.querySelector('[data-testid^=\"door-\"][data-status=\"OPEN\"]')"));
    }

    private static boolean exists(WebDriver d, String id) {
        return Boolean.TRUE.equals(js(d, "return !!document.querySelector('[data-testid=\"' + arguments[0] + '\"]')", id));
    }

    private static String attr(WebDriver d, String id, String name) {
        return (String) js(d, "const e = document.querySelector('[data-testid=\"' + arguments[0] + '\"]'); return e ? e.getAttribute(arguments[1]) : null;", id, name);
    }

    private static String text(WebDriver d, String id) {
        Object t = js(d, "const e = document.querySelector('[data-testid=\"' + arguments[0] + '\"]'); return e ? e.textContent : '';", id);
        return t == null ? "" : t.toString().trim();
    }

    private static String bodyData(WebDriver d, String key) {
        return (String) js(d, "return document.body ? (document.body.dataset[arguments[0]] ?? null) : null;", key);
    }

    private static void click(WebDriver d, String id) {
        awaitTrue(d, "clickable " + id, x -> {
            WebElement e = x.findElement(By.cssSelector("[data-testid='" + id + "']"));
            if (!e.isDisplayed() || !e.isEnabled()) {
                return false;
            }
            js(x, "arguments[0].scrollIntoView({block:'center'})", e);
            e.click();
            return true;
        });
    }

    private static void awaitTrue(WebDriver d, String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(d, WAIT)
                .pollingEvery(Duration.ofMillis(20))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .withMessage(what)
                .until(condition);
    }
}
