package charon.pages;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import charon.testsupport.Deployments;
import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.Pages;
import charon.testsupport.Session;
import charon.testsupport.TestControlResource;

import static charon.testsupport.Pages.attr;
import static charon.testsupport.Pages.awaitTrue;
import static charon.testsupport.Pages.bodyData;
import static charon.testsupport.Pages.exists;
import static charon.testsupport.Pages.js;
import static charon.testsupport.Pages.testid;
import static charon.testsupport.Pages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import charon.testsupport.DjangoDatabase;

/**
 * The pages in real headless Chromium against the real server: a GM console browser (logged in through
 * the login page) and a shared display browser, at once. Every wait is on DOM state the pages expose
 * ({@code data-testid}, {@code data-visible}, {@code data-x}, {@code body.dataset.connection/version});
 * nothing sleeps. Screenshots of each view go to {@code target/screenshots/}.
 *
 * <p>The deployment is unmanaged so a test can stop the server (undeploy) and start it again (deploy)
 * at the same URL; it serves the demo campaign on a copy of the Django fixture database, with a 1 s
 * keepalive so the pages' watchdog (2 intervals) acts within seconds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BrowserIT {

    private static final String NAME = "browser";
    private static final String SHIP = "msv_caldera_wren";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Display threshold 5 failures x 2.5 s retry; generous. */
    private static final Duration BANNER_WAIT = Duration.ofSeconds(40);
    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "browser-" + System.nanoTime());
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String BASE = "http://127.0.0.1:" + System.getProperty("charon.it.port", "18080") + "/" + NAME + "/";

    private static Deployer deployerRef;
    private static boolean deployed;
    private static WebDriver console;
    private static WebDriver display;
    private static Session gm;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.charon(NAME);
    }

    // ------------------------------------------------------------------ set-up

    @BeforeEach
    void startServerAndBrowsers() throws Exception {
        deployerRef = deployer;
        if (!deployed) {
            Files.createDirectories(DATA);
            DjangoDatabase.create(DATA.resolve("charon.db"));
            Files.createDirectories(SCREENSHOTS);
            startServer();
        }
        if (console == null) {
            console = browser("console");
            display = browser("display");
            loginConsole();
            openDisplay("");
        }
    }

    private void startServer() throws Exception {
        System.setProperty("charon.home", DATA.toString());
        System.setProperty("charon.db", DATA.resolve("charon.db").toString());
        System.clearProperty("charon.campaign");
        System.setProperty("charon.keepalive.seconds", "1");
        deployer.deploy(NAME);
        deployed = true;
        gm = Session.gm(api());
    }

    /**
     * The deployment is stopped after the last test (Arquillian's Deployer is no longer usable in
     * {@code @AfterAll}); when only some tests run, the container's shutdown stops it.
     */
    @AfterEach
    void stopServerAfterTheLastTest(TestInfo test) {
        if (deployed && test.getTags().contains("last")) {
            deployer.undeploy(NAME);
            deployed = false;
        }
    }

    @AfterAll
    static void quitBrowsersAndStop() {
        for (WebDriver driver : new WebDriver[] {console, display}) {
            if (driver != null) {
                try {
                    driver.quit();
                } catch (RuntimeException e) {
                    log("quitting a browser failed: " + e);
                }
            }
        }
        console = null;
        display = null;
    }

    /** Through the real login page: /gmconsole/ sends an anonymous visitor there and back. */
    private static void loginConsole() {
        console.get(BASE + "gmconsole/");
        awaitTrue(console, "login page", WAIT, d -> d.getCurrentUrl().contains("/login/") && exists(d, "login-username"));
        signIn();
    }

    private static void signIn() {
        console.findElement(testid("login-username")).sendKeys("gm");
        console.findElement(testid("login-password")).sendKeys("gm-pass-123");
        console.findElement(testid("login-submit")).click();
        awaitTrue(console, "console after login", WAIT, d -> d.getCurrentUrl().endsWith("/gmconsole/") && "live".equals(bodyData(d, "connection")));
    }

    private static void openDisplay(String query) {
        display.get(BASE + "terminal/" + query);
        awaitTrue(display, "display live", WAIT, d -> "live".equals(bodyData(d, "connection")) && bodyData(d, "viewType") != null);
    }

    private static URI api() {
        return URI.create(BASE + "api/");
    }

    // ------------------------------------------------------------------ tests

    @Test
    @Order(1)
    void aRoomTheGmRevealsInTheConsoleIsDrawnOnTheDisplay() {
        shot(display, "01-standby");
        click(console, "view-btn-ENCOUNTER");
        awaitTrue(console, "console in ENCOUNTER", WAIT, d -> text(d, "current-view").startsWith("ENCOUNTER"));
        expandTree("hesper", "orrin");
        click(console, "loc-" + SHIP);
        awaitTrue(console, "console on the ship", WAIT, d -> text(d, "current-view").equals("ENCOUNTER // MSV CALDERA WREN"));
        awaitTrue(display, "display draws the ship, the hidden galley not even in its page", WAIT,
                d -> "ENCOUNTER".equals(bodyData(d, "viewType")) && exists(d, "map-svg") && !exists(d, "room-wren_galley"));
        awaitTrue(console, "room switch in the console", WAIT, d -> "false".equals(attr(d, "reveal-wren_galley", "data-visible")));

        long clicked = System.nanoTime();
        click(console, "reveal-wren_galley");
        awaitTrue(display, "display draws the revealed galley", WAIT, d -> "true".equals(attr(d, "room-wren_galley", "data-visible")));
        long drawnMs = (System.nanoTime() - clicked) / 1_000_000;
        log("LATENCY reveal room: console click -> display draws room-wren_galley in " + drawnMs + " ms");

        awaitTrue(console, "console preview shows the galley revealed", WAIT, d -> "true".equals(attr(d, "room-wren_galley", "data-visible")));
        assertFalse(exists(display, "room-wren_cockpit"), "only the revealed room is drawn");
        assertFalse(display.getPageSource().contains("wren_cockpit"), "the display never got the hidden cockpit");
        assertEquals("false", attr(console, "room-wren_cockpit", "data-visible"));
        assertTrue(attr(console, "room-wren_cockpit", "class").contains("ghost"), "the GM preview draws hidden rooms dimmed");
    }

    @Test
    @Order(2)
    void aTokenDraggedOnTheConsoleMovesOnTheDisplay() throws Exception {
        encounterOnShip();
        gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"wren_galley\",\"visible\":true}");
        gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"wren_cockpit\",\"visible\":true}");
        JsonObject placed = gm.ok("gm/encounter/place-token/", "{\"type\":\"player\",\"name\":\"Ripley\",\"x\":9,\"y\":6,\"room_id\":\"wren_galley\"}");
        String token = "token-" + placed.getString("token_id");
        gm.ok("gm/encounter/place-token/", "{\"type\":\"creature\",\"name\":\"Xeno\",\"x\":2,\"y\":6,\"room_id\":\"wren_cockpit\"}");
        awaitTrue(display, "display shows the token at 9,6", WAIT, d -> "9".equals(attr(d, token, "data-x")) && "6".equals(attr(d, token, "data-y")));
        awaitTrue(console, "console shows the token", WAIT, d -> "9".equals(attr(d, token, "data-x")));

        WebElement element = console.findElement(testid(token));
        js(console, "arguments[0].scrollIntoView({block:'center'})", element);
        @SuppressWarnings("unchecked")
        List<Number> delta = (List<Number>) js(console, """
                const tok = arguments[0].getBoundingClientRect();
                const vp = document.querySelector('[data-testid="gm-map"] g.viewport');
                const p = new DOMPoint(11.5 * 40, 7.5 * 40).matrixTransform(vp.getScreenCTM());
                return [p.x - (tok.left + tok.width / 2), p.y - (tok.top + tok.height / 2)];""", element);
        int dx = delta.get(0).intValue();
        int dy = delta.get(1).intValue();
        new Actions(console).moveToElement(element).clickAndHold()
                .moveByOffset(dx / 2, dy / 2).moveByOffset(dx - dx / 2, dy - dy / 2)
                .release().perform();
        long dragged = System.nanoTime();
        awaitTrue(display, "display moves the token to 11,7", WAIT, d -> "11".equals(attr(d, token, "data-x")) && "7".equals(attr(d, token, "data-y")));
        log("LATENCY token drag: console release -> display token at 11,7 in " + (System.nanoTime() - dragged) / 1_000_000 + " ms");
        JsonObject state = JsonText.object(Http.get(api().resolve("active-view/")).body());
        JsonObject moved = state.getJsonObject("encounter_tokens").getJsonObject(placed.getString("token_id"));
        assertEquals(11, moved.getInt("x"));
        assertEquals(7, moved.getInt("y"));
        assertEquals("wren_galley", moved.getString("room_id"));

        awaitTrue(display, "header typed out", WAIT, d -> "MSV CALDERA WREN".equals(text(d, "display-title")));
        gm.ok("gm/encounter/set-door-status/", "{\"connection_id\":\"wren_cockpit_galley\",\"door_status\":\"LOCKED\"}");
        awaitTrue(display, "door status on the display", WAIT, d -> "LOCKED".equals(attr(d, "door-wren_cockpit_galley", "data-status")));
        // the galley's doors to rooms still hidden are drawn on the galley's side, under ids that name no room
        gm.ok("gm/encounter/set-door-status/", "{\"connection_id\":\"wren_galley_cryo\",\"door_status\":\"CLOSED\"}");
        awaitTrue(display, "the blast door to the hidden cryo vault", WAIT, d -> d.findElements(By.cssSelector(
                "[data-testid^='door-door-'][data-type='blast_door'][data-status='CLOSED']")).size() == 1);
        assertFalse(display.getPageSource().contains("wren_cryo"), "the display never got the hidden cryo vault");
        assertTrue(exists(console, "door-wren_galley_cryo"), "the console draws the door under its own id");
        assertEquals("MSV CALDERA WREN", text(display, "display-title"), "an event in the same view does not retype the header");
        shot(display, "02-encounter-rooms-and-tokens");
        shot(console, "03-console-encounter-tab");
    }

    @Test
    @Order(3)
    void anNpcPortraitOpensOnTheDisplay() throws Exception {
        encounterOnShip();
        awaitTrue(console, "portrait controls", WAIT, d -> !d.findElements(By.cssSelector("[data-testid^='portrait-btn-']")).isEmpty());
        String button = console.findElements(By.cssSelector("[data-testid^='portrait-btn-']")).get(0).getAttribute("data-testid");
        String npc = button.substring("portrait-btn-".length());
        click(console, button);
        String name = npcName(npc).toUpperCase();
        awaitTrue(display, "portrait revealed on the display, name typed out", WAIT, d -> {
            String cls = attr(d, "portrait-" + npc, "class");
            return cls != null && cls.contains("phase-done") && text(d, "portrait-name-" + npc).equals(name);
        });
        assertTrue(isShown(display, "portrait-overlay"));
        shot(display, "04-portrait-overlay");
        click(console, button);
        awaitTrue(display, "portrait dismissed", WAIT, d -> !exists(d, "portrait-" + npc));
    }

    @Test
    @Order(4)
    void theTerminalOverlayOpensAndClosesOnBothPages() throws Exception {
        encounterOnShip();
        expandTree("hesper", "orrin", SHIP);
        String show = "show-terminal-" + SHIP + "-helm";
        awaitTrue(console, "terminal control in the tree", WAIT, d -> exists(d, show));
        click(console, show);
        awaitTrue(display, "overlay open on the display", WAIT, d -> isShown(d, "terminal-overlay") && exists(d, "terminal-title"));
        assertEquals("helm", attr(display, "terminal-overlay", "data-terminal"));
        awaitTrue(console, "console shows the terminal as shown", WAIT, d -> "true".equals(attr(d, show, "aria-pressed")));
        awaitTrue(display, "terminal messages listed", WAIT, d -> !d.findElements(By.cssSelector("[data-testid^='terminal-msg-']")).isEmpty());
        shot(display, "05-terminal-overlay");

        // issue 17 point 5: a display's CLOSE closes the overlay on that display only
        click(display, "terminal-close");
        awaitTrue(display, "overlay closed on the display", WAIT, d -> !isShown(d, "terminal-overlay"));
        assertEquals("helm", JsonText.object(Http.get(api().resolve("active-view/")).body()).getString("overlay_terminal_slug"),
                "the overlay stays shown for the other displays");
        assertEquals("true", attr(console, show, "aria-pressed"), "the console still shows the terminal as shown");
        display.navigate().refresh(); // another display (or this one, reloaded) still gets the overlay
        awaitTrue(display, "a display that did not close it shows it", WAIT, d -> isShown(d, "terminal-overlay") && exists(d, "terminal-title"));

        // the GM closes it for everyone, and a display that closed it opens it again when the GM shows it again
        click(display, "terminal-close");
        awaitTrue(display, "closed here again", WAIT, d -> !isShown(d, "terminal-overlay"));
        click(console, show);
        awaitTrue(console, "console SHOW control again", WAIT, d -> "false".equals(attr(d, show, "aria-pressed")));
        assertEquals("", JsonText.object(Http.get(api().resolve("active-view/")).body()).getString("overlay_terminal_slug"));
        click(console, show);
        awaitTrue(display, "shown again by the GM, open again here", WAIT, d -> isShown(d, "terminal-overlay") && exists(d, "terminal-title"));
        click(console, show);
        awaitTrue(display, "overlay hidden from the console", WAIT, d -> !isShown(d, "terminal-overlay"));
        awaitTrue(console, "console SHOW control again", WAIT, d -> "false".equals(attr(d, show, "aria-pressed")));
    }

    @Test
    @Order(5)
    void everyViewRendersOnTheDisplay() {
        click(console, "view-btn-BRIDGE");
        awaitTrue(display, "BRIDGE", WAIT, d -> "BRIDGE".equals(bodyData(d, "viewType")) && exists(d, "bridge-tabs"));
        shot(display, "06-bridge");
        click(display, "bridge-tab-personnel");
        awaitTrue(display, "personnel", WAIT, d -> exists(d, "personnel-detail"));
        shot(display, "07-bridge-personnel");
        click(display, "bridge-tab-status");
        awaitTrue(display, "ship status", WAIT, d -> exists(d, "ship-status"));
        shot(display, "08-bridge-status");
        click(display, "bridge-tab-map");

        click(console, "view-btn-CHARON");
        awaitTrue(display, "CHARON_TERMINAL", WAIT, d -> "CHARON_TERMINAL".equals(bodyData(d, "viewType")) && exists(d, "charon-view"));
        shot(display, "09-charon-terminal");

        click(console, "view-btn-STANDBY");
        awaitTrue(display, "STANDBY", WAIT, d -> "STANDBY".equals(bodyData(d, "viewType")) && exists(d, "standby-title"));
        awaitTrue(console, "console shows STANDBY", WAIT, d -> text(d, "current-view").equals("STANDBY"));
    }

    @Test
    @Order(6)
    void aPlayerSeesOnlyTheirOwnMessages() {
        loginDisplayAs("ripley", "ripley-pass-123");
        String nonce = Long.toString(System.nanoTime(), 36);
        String toRipley = "Ripley only: check the cryo vault " + nonce;
        String toAll = "All hands: docking fee due " + nonce;
        click(console, "tab-broadcast");
        broadcast(toRipley, "ripley");
        broadcast(toAll);
        awaitTrue(display, "ripley's page shows both, live", WAIT, d -> messageId(d, toRipley) != null && messageId(d, toAll) != null);
        String ripleyOnly = messageId(display, toRipley);
        String everyone = messageId(display, toAll);
        shot(display, "10-messages-ripley");

        click(display, "logout");
        loginDisplayAs("hicks", "hicks-pass-123");
        awaitTrue(display, "hicks's page shows the broadcast", WAIT, d -> exists(d, everyone));
        assertFalse(exists(display, ripleyOnly), "hicks must not see ripley's message");
        assertTrue(display.findElement(testid("messages-list")).getText().contains(toAll));
        assertFalse(display.findElement(testid("messages-list")).getText().contains(toRipley));

        // live as well: a second message for ripley, then a broadcast, arrive in that order on every stream
        String toRipley2 = "Ripley only, again " + nonce;
        String toAll2 = "All hands, again " + nonce;
        broadcast(toRipley2, "ripley");
        broadcast(toAll2);
        awaitTrue(display, "hicks gets the second broadcast live", WAIT, d -> messageId(d, toAll2) != null);
        assertEquals(null, messageId(display, toRipley2), "hicks's stream never carries ripley's message");
        shot(display, "11-messages-hicks");

        click(display, "logout");
        click(console, "tab-encounter");
        openDisplay("");
    }

    /** The stream brings each CHARON line on its own (issue 15); both pages add it, and a deleted channel empties both. */
    @Test
    @Order(6)
    void aCharonQueryAndItsAnswerReachBothPagesLineByLine() {
        openDisplay("");
        click(console, "view-btn-CHARON");
        awaitTrue(display, "CHARON_TERMINAL", WAIT, d -> "CHARON_TERMINAL".equals(bodyData(d, "viewType")) && exists(d, "charon-view"));
        click(console, "tab-charon");
        click(console, "charon-mode-QUERY");
        awaitTrue(display, "the query prompt", WAIT, d -> isShown(d, "charon-input"));
        String nonce = Long.toString(System.nanoTime(), 36);
        display.findElement(testid("charon-input")).sendKeys("Where is the captain " + nonce + org.openqa.selenium.Keys.ENTER);
        awaitTrue(console, "the query in the GM's log", WAIT, d -> text(d, "gm-charon-log").contains("Where is the captain " + nonce));
        console.findElement(testid("charon-text")).sendKeys("CAPTAIN " + nonce + " IS IN CRYO");
        click(console, "charon-send");
        awaitTrue(display, "the answer typed out on the display", WAIT, d -> text(d, "charon-terminal").contains("CAPTAIN " + nonce + " IS IN CRYO"));
        assertEquals(1L, js(display, "return [...document.querySelectorAll('[data-testid=\"charon-terminal\"] .charon-line.user')]"
                + ".filter(e => e.textContent.includes(arguments[0])).length;", nonce), "the query once (its pending line replaced)");
        shot(display, "10-charon-exchange");

        awaitTrue(console, "the story channel in the list", WAIT, d -> exists(d, "charon-delete-story"));
        shot(console, "11-console-charon-channels");
        awaitTrue(console, "the 'Sent' toast gone from over the list", WAIT, d -> !exists(d, "toast"));
        click(console, "charon-delete-story");
        console.switchTo().alert().accept();
        awaitTrue(display, "the display emptied", WAIT, d -> !text(d, "charon-terminal").contains(nonce));
        awaitTrue(console, "the console's log emptied", WAIT, d -> !text(d, "gm-charon-log").contains(nonce));
        click(console, "charon-mode-DISPLAY");
        click(console, "view-btn-STANDBY");
        awaitTrue(display, "STANDBY", WAIT, d -> "STANDBY".equals(bodyData(d, "viewType")));
        click(console, "tab-encounter");
    }

    @Test
    @Order(7)
    void aStreamThatGoesQuietWithoutClosingIsReopenedByTheWatchdog() throws Exception {
        int before = silentOpens()[0];
        long start = System.nanoTime();
        try {
            followSilentStream(before, start);
        } finally {
            openDisplay("");
        }
    }

    private void followSilentStream(int before, long start) throws Exception {
        openDisplay("?stream=test-control/silent-stream/");
        awaitTrue(display, "first silent stream delivered its event", WAIT,
                d -> String.valueOf(TestControlResource.SILENT_VERSION_BASE + before + 1).equals(bodyData(d, "version")));
        // keepalive interval 1 s -> the watchdog gives up after 2 s of silence; allow a few intervals more.
        // The trace (version, connection, silent streams opened/still open on the server) is logged either way.
        String second = String.valueOf(TestControlResource.SILENT_VERSION_BASE + before + 2);
        List<String> trace = new ArrayList<>();
        try {
            awaitTrue(display, "display reopened the quiet stream", Duration.ofSeconds(6), d -> {
                String now = bodyData(d, "version") + " " + bodyData(d, "connection") + " " + silentOpensText();
                if (trace.isEmpty() || !trace.get(trace.size() - 1).endsWith(": " + now)) {
                    trace.add((System.nanoTime() - start) / 1_000_000 + " ms: " + now);
                }
                return second.equals(bodyData(d, "version"));
            });
        } finally {
            log("WATCHDOG trace: " + trace);
        }
        long reopenedMs = (System.nanoTime() - start) / 1_000_000;
        int[] opens = silentOpens();
        log("WATCHDOG: silent stream reopened " + reopenedMs + " ms after the page loaded; opens=" + (opens[0] - before)
                + ", still held open by the server=" + opens[1]);
        assertTrue(opens[0] - before >= 2, "a second stream was opened");
        assertTrue(opens[1] >= 1, "the quiet stream was never closed by the server: the page detected the silence itself");
        assertFalse(isShown(display, "connection-banner"), "one dead stream is not a lost connection");
    }

    @Test
    @Order(8)
    @Tag("last")
    void whenTheServerStopsBothPagesShowTheBannerAndRecoverWhenItIsBack() throws Exception {
        openDisplay("");
        // a player's messages page, signed in through the real login page: it must go on across the restart
        ChromeDriver player = browser("player");
        try {
            whenTheServerRestarts(player);
        } finally {
            player.quit();
        }
    }

    private void whenTheServerRestarts(ChromeDriver player) throws Exception {
        player.get(BASE + "login/");
        awaitTrue(player, "the player's login page", WAIT, d -> exists(d, "login-username"));
        player.findElement(testid("login-username")).sendKeys("ripley");
        player.findElement(testid("login-password")).sendKeys("ripley-pass-123");
        player.findElement(testid("login-submit")).click();
        awaitTrue(player, "ripley's messages, live", WAIT, d -> d.getCurrentUrl().endsWith("/messages/")
                && "live".equals(bodyData(d, "connection")));
        gm.ok("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}");
        awaitTrue(display, "display in BRIDGE", WAIT, d -> "BRIDGE".equals(bodyData(d, "viewType")));
        assertFalse(isShown(display, "connection-banner"));
        assertFalse(isShown(console, "connection-banner"));

        long stopped = System.nanoTime();
        deployer.undeploy(NAME);
        deployed = false;
        awaitTrue(console, "banner on the console", BANNER_WAIT, d -> isShown(d, "connection-banner"));
        log("BANNER: console after " + (System.nanoTime() - stopped) / 1_000_000 + " ms");
        awaitTrue(display, "banner on the display", BANNER_WAIT, d -> isShown(d, "connection-banner"));
        log("BANNER: display after " + (System.nanoTime() - stopped) / 1_000_000 + " ms");
        assertEquals("lost", bodyData(display, "connection"));
        shot(display, "12-connection-lost-display");
        shot(console, "13-connection-lost-console");

        long started = System.nanoTime();
        startServer();
        String version = Http.get(api().resolve("active-view/")).headers().firstValue("X-Charon-Version").orElseThrow();
        awaitTrue(display, "display reconnects, banner gone", BANNER_WAIT, d -> !isShown(d, "connection-banner") && "live".equals(bodyData(d, "connection")));
        // the GM's login outlives the restart (kept in SQLite): the console's GM-only stream is accepted again
        awaitTrue(console, "console reconnects, banner gone", BANNER_WAIT, d -> d.getCurrentUrl().endsWith("/gmconsole/")
                && !isShown(d, "connection-banner") && "live".equals(bodyData(d, "connection")));
        log("RECONNECT: both pages live " + (System.nanoTime() - started) / 1_000_000 + " ms after the deploy began");
        // the table's state survives the restart (journaled in SQLite): the display shows the bridge again, at a newer version
        awaitTrue(display, "display shows the server's current state", WAIT,
                d -> "BRIDGE".equals(bodyData(d, "viewType")) && version.equals(bodyData(d, "version")));
        awaitTrue(console, "console shows the server's current state", WAIT, d -> text(d, "current-view").startsWith("BRIDGE"));
        // and the GM's login outlived the restart: the console's next click works without logging in again
        click(console, "view-btn-STANDBY");
        awaitTrue(display, "the console's click after the restart reaches the display", WAIT, d -> "STANDBY".equals(bodyData(d, "viewType")));
        assertTrue(console.getCurrentUrl().endsWith("/gmconsole/"), "still on the console");
        // so did the player's: a private message sent after the restart reaches their page, no login asked
        int id = gm.ok("gm/broadcast/", "{\"content\":\"For Ripley after the restart\",\"recipients\":[\"ripley\"]}").getInt("message_id");
        awaitTrue(player, "the player's page gets the private message after the restart", WAIT,
                d -> exists(d, "message-" + id) && !exists(d, "signed-out") && "live".equals(bodyData(d, "connection")));
    }

    // ------------------------------------------------------------------ steps

    /** ENCOUNTER on the ship (through the API: the console's own controls are tested above). */
    private static void encounterOnShip() throws Exception {
        JsonObject state = JsonText.object(Http.get(api().resolve("active-view/")).body());
        if (!"ENCOUNTER".equals(state.getString("view_type")) || !SHIP.equals(state.getString("location_slug"))) {
            gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + SHIP + "\"}");
        }
        awaitTrue(display, "display on the ship", WAIT, d -> "ENCOUNTER".equals(bodyData(d, "viewType")) && exists(d, "map-svg"));
        awaitTrue(console, "console on the ship", WAIT, d -> exists(d, "reveal-wren_galley"));
    }

    /** Opens the location tree down to the given nodes (a node's twisty shows + while closed). */
    private static void expandTree(String... slugs) {
        for (String slug : slugs) {
            awaitTrue(console, "tree node " + slug, WAIT, d -> exists(d, "loc-" + slug));
            WebElement twisty = console.findElement(By.xpath("//button[@data-testid='loc-" + slug + "']/preceding-sibling::button[contains(@class,'twisty')]"));
            if ("+".equals(twisty.getText().trim())) {
                twisty.click();
                awaitTrue(console, "tree node " + slug + " open", WAIT, d -> "\u2212".equals(d.findElement(
                        By.xpath("//button[@data-testid='loc-" + slug + "']/preceding-sibling::button[contains(@class,'twisty')]")).getText().trim()));
            }
        }
    }

    private static void loginDisplayAs(String user, String password) {
        display.get(BASE + "login/");
        awaitTrue(display, "login page", WAIT, d -> exists(d, "login-username"));
        display.findElement(testid("login-username")).sendKeys(user);
        display.findElement(testid("login-password")).sendKeys(password);
        display.findElement(testid("login-submit")).click();
        awaitTrue(display, user + "'s messages page", WAIT, d -> d.getCurrentUrl().endsWith("/messages/")
                && user.toUpperCase().equals(text(d, "messages-user")) && "live".equals(bodyData(d, "connection"))
                && !text(d, "messages-list").contains("LOADING"));
    }

    /** Sends a message from the console's broadcast form; no recipients = everyone. */
    private static void broadcast(String content, String... recipients) {
        awaitTrue(console, "broadcast recipients loaded", WAIT,
                d -> d.findElements(By.cssSelector("[data-testid='bc-recipients'] option")).size() >= 2);
        WebElement text = console.findElement(testid("bc-content"));
        text.clear();
        text.sendKeys(content);
        Select select = new Select(console.findElement(testid("bc-recipients")));
        select.deselectAll();
        for (String r : recipients) {
            select.selectByValue(r);
        }
        // issue 17 point 6: the button names the audience, and the recipients reset after sending
        String audience = recipients.length == 0 ? "TRANSMIT TO ALL" : "TRANSMIT TO " + String.join(", ", recipients).toUpperCase();
        awaitTrue(console, "the button names " + audience, WAIT, d -> audience.equals(text(d, "bc-send")));
        click(console, "bc-send");
        // the form clears the text only when the server accepted the message
        awaitTrue(console, "transmitted: " + content, WAIT, d -> "".equals(d.findElement(testid("bc-content")).getDomProperty("value")));
        awaitTrue(console, "the next message goes to everyone again", WAIT, d -> "TRANSMIT TO ALL".equals(text(d, "bc-send"))
                && new Select(d.findElement(testid("bc-recipients"))).getAllSelectedOptions().isEmpty());
    }

    /** data-testid of the message showing this text, or null. */
    private static String messageId(WebDriver d, String content) {
        return (String) js(d, """
                for (const m of document.querySelectorAll('[data-testid^="message-"]')) {
                  const c = m.querySelector('.content');
                  if (c && c.textContent === arguments[0]) return m.getAttribute('data-testid');
                }
                return null;""", content);
    }

    private static String npcName(String npc) {
        try {
            // the GM's payload: the displays get an NPC's card only once it is shown
            JsonObject state = JsonText.object(gm.get("gm/active-view/").body());
            return state.getJsonObject("encounter_npc_data").getJsonObject(npc).getString("name");
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String silentOpensText() {
        try {
            return Http.get(api().resolve("test-control/silent-stream/opens")).body().trim().replace(' ', '/');
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    private static int[] silentOpens() throws Exception {
        String[] parts = Http.get(api().resolve("test-control/silent-stream/opens")).body().trim().split(" ");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    // ------------------------------------------------------------------ DOM helpers

    /** Present, not hidden, and laid out. */
    private static boolean isShown(WebDriver d, String id) {
        return Boolean.TRUE.equals(js(d, "const e = document.querySelector('[data-testid=\"' + arguments[0] + '\"]'); return !!e && !e.hidden && e.getClientRects().length > 0;", id));
    }

    private static void log(String line) {
        System.out.println("[BrowserIT] " + line);
    }

    private static ChromeDriver browser(String name) throws IOException {
        return Pages.chromium(DATA, name, "--disable-gpu", "--window-size=1600,900");
    }

    private static void click(WebDriver d, String id) {
        Pages.click(d, id, WAIT);
    }

    private static void shot(WebDriver d, String name) {
        Pages.screenshot(d, SCREENSHOTS, name);
    }
}
