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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import charon.testsupport.Deployments;
import charon.testsupport.JsonText;
import charon.testsupport.Pages;
import charon.testsupport.Session;

import static charon.testsupport.Pages.attr;
import static charon.testsupport.Pages.bodyData;
import static charon.testsupport.Pages.exists;
import static charon.testsupport.Pages.js;
import static charon.testsupport.Pages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 in real headless Chromium, at the sizes of a real table: the GM's laptop (1366×768), the TV (1920×1080)
 * and a phone (390×844), each set exactly through the DevTools protocol. What is measured (positions, scrolling,
 * overlaps, font sizes) is measured by the browser. Screenshots go to {@code target/screenshots/} (issue17-*.png).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AtTheTableBrowserIT {

    private static final String SHIP = "msv_caldera_wren";
    private static final String STATION = "tallow_station";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "at-the-table-" + System.nanoTime());
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriver console;
    private static ChromeDriver tv;
    private static ChromeDriver phoneDriver;
    private static Session gm;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        return Deployments.onFixtureDatabase("atthetable", DATA, "1");
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
            Files.createDirectories(SCREENSHOTS);
            gm = signedInGm();
            console = browser("console", 1366, 768, false);
            tv = browser("tv", 1920, 1080, false);
            console.get(page("gmconsole/"));
            awaitTrue(console, "login page", d -> d.getCurrentUrl().contains("/login/") && exists(d, "login-username"));
            console.findElement(By.cssSelector("[data-testid='login-username']")).sendKeys("gm");
            console.findElement(By.cssSelector("[data-testid='login-password']")).sendKeys("gm-pass-123");
            console.findElement(By.cssSelector("[data-testid='login-submit']")).click();
            awaitTrue(console, "console live", d -> d.getCurrentUrl().endsWith("/gmconsole/") && "live".equals(bodyData(d, "connection")));
            tv.get(page("terminal/"));
            awaitTrue(tv, "TV live", d -> "live".equals(bodyData(d, "connection")) && bodyData(d, "viewType") != null);
        }
    }

    @AfterAll
    static void quit() {
        for (WebDriver driver : new WebDriver[] {console, tv, phoneDriver}) {
            if (driver != null) {
                driver.quit();
            }
        }
        console = null;
        tv = null;
        phoneDriver = null;
    }

    /** Points 1, 3 and 7: one click on a location from STANDBY; everything the GM needs is on the laptop's screen. */
    @Test
    @Order(1)
    void oneClickOnALocationShowsItsMapAndTheConsoleFitsALaptop() {
        awaitTrue(tv, "STANDBY shows the campaign's own title", d -> "STANDBY".equals(bodyData(d, "viewType"))
                && "SALT AND STATIC".equals(text(d, "standby-sub")));
        expandTree("hesper", "orrin");
        assertEquals("", attr(console, "loc-" + SHIP, "disabled") == null ? "" : "disabled", "a location is clickable in STANDBY");
        click(console, "loc-" + SHIP);
        awaitTrue(tv, "one click: the TV shows the ship's map", d -> "ENCOUNTER".equals(bodyData(d, "viewType")) && exists(d, "map-svg"));
        awaitTrue(console, "the console names the place, not its id", d -> "ENCOUNTER // MSV CALDERA WREN".equals(text(console, "current-view")));
        awaitTrue(console, "the map preview", d -> exists(d, "room-wren_galley") && exists(d, "reveal-wren_galley"));

        Map<?, ?> page = (Map<?, ?>) js(console, "const e = document.scrollingElement; return {sh: e.scrollHeight, ih: innerHeight, sw: e.scrollWidth, iw: innerWidth};");
        assertEquals(768L, page.get("ih"));
        assertTrue(((Number) page.get("sh")).longValue() <= 768, "the console does not scroll at 1366x768: " + page);
        assertTrue(((Number) page.get("sw")).longValue() <= 1366, "nor sideways: " + page);
        for (String id : List.of("view-btn-STANDBY", "view-btn-CHARON", "location-tree", "gm-map", "reveal-all", "hide-all", "deck-btn-upper", "undo")) {
            assertTrue(inViewport(console, id), id + " is on screen without scrolling");
        }
        Map<?, ?> map = rect(console, "gm-map");
        assertTrue(((Number) map.get("height")).doubleValue() >= 400, "the map preview takes the room: " + map);
        shot(console, "issue17-01-console-1366x768");
        shot(tv, "issue17-02-tv-encounter-1920x1080");
    }

    /** Point 2: a click on a room reveals or hides it, a click on a door changes it in place; A, X and ? work. */
    @Test
    @Order(2)
    void theMapPreviewIsTheControl() throws Exception {
        onTheShip();
        clickOnMap("room-wren_galley");
        awaitTrue(tv, "a click on the galley reveals it on the TV", d -> "true".equals(attr(d, "room-wren_galley", "data-visible")));
        clickOnMap("room-wren_galley");
        awaitTrue(tv, "a second click hides it", d -> !exists(d, "room-wren_galley"));

        String before = attr(console, "door-wren_cockpit_galley", "data-status");
        String next = Map.of("OPEN", "CLOSED", "CLOSED", "LOCKED", "LOCKED", "OPEN").getOrDefault(before, "OPEN");
        clickOnMap("door-wren_cockpit_galley"); // on one of its two symbols, at the cockpit's and at the galley's wall
        awaitTrue(console, "the door moves to its next state in place", d -> next.equals(attr(d, "door-wren_cockpit_galley", "data-status")));
        assertEquals(next, JsonText.object(gm.get("gm/active-view/").body()).getJsonObject("encounter_door_status").getString("wren_cockpit_galley"),
                "the server has the door's new state");
        awaitTrue(console, "the picker beside it names the rooms", d -> text(d, "door-popup").startsWith("DOOR: COCKPIT ↔ GALLEY"));
        assertTrue(inViewport(console, "door-popup"), "the door's controls are on screen");
        assertFalse(text(console, "door-popup").contains("wren_"), "no internal id in the picker");
        click(console, "door-status-SEALED");
        awaitTrue(console, "picked in place", d -> "SEALED".equals(attr(d, "door-wren_cockpit_galley", "data-status")) && !exists(d, "door-popup"));

        // a toast never covers a control: it has its own lane in the header
        click(console, "reveal-all");
        awaitTrue(console, "a toast", d -> exists(d, "toast"));
        @SuppressWarnings("unchecked")
        List<String> covered = (List<String>) js(console, """
                const t = document.querySelector('[data-testid="toast"]').getBoundingClientRect();
                const hit = [];
                for (const c of document.querySelectorAll('button, input, select, textarea, a, [data-testid^="room-"], [data-testid^="door-"]')) {
                  const r = c.getBoundingClientRect();
                  if (!r.width || !r.height || c.closest('[data-toast-lane]')) continue;
                  if (r.left < t.right && r.right > t.left && r.top < t.bottom && r.bottom > t.top) hit.push(c.dataset.testid || c.outerHTML.slice(0, 60));
                }
                return hit;""");
        assertEquals(List.of(), covered, "controls under the toast");
        awaitTrue(tv, "every room revealed", d -> "true".equals(attr(d, "room-wren_cryo", "data-visible")) && "true".equals(attr(d, "room-wren_galley", "data-visible")));
        shot(console, "issue17-03-console-toast-and-map");

        console.findElement(By.tagName("body")).sendKeys("x");
        awaitTrue(tv, "X hides every room", d -> !exists(d, "room-wren_cryo") && !exists(d, "room-wren_galley"));
        console.findElement(By.tagName("body")).sendKeys("a");
        awaitTrue(tv, "A reveals every room", d -> "true".equals(attr(d, "room-wren_cryo", "data-visible")));
        console.findElement(By.tagName("body")).sendKeys("?");
        awaitTrue(console, "? lists the shortcuts", d -> shown(d, "shortcuts") && text(d, "shortcuts").contains("Reveal every room"));
        shot(console, "issue17-04-console-shortcuts");
        new Actions(console).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        awaitTrue(console, "Esc closes the list", d -> !shown(d, "shortcuts"));

        // disabled things look disabled: a disabled button is dimmed, an enabled one is not
        awaitTrue(console, "nothing to redo", d -> "true".equals(String.valueOf(js(d, "return document.querySelector('[data-testid=\"redo\"]').disabled"))));
        double dimmed = Double.parseDouble(String.valueOf(js(console, "return getComputedStyle(document.querySelector('[data-testid=\"redo\"]')).opacity")));
        double enabled = Double.parseDouble(String.valueOf(js(console, "return getComputedStyle(document.querySelector('[data-testid=\"undo\"]')).opacity")));
        assertTrue(dimmed <= 0.5 && enabled == 1.0, "disabled " + dimmed + ", enabled " + enabled);
    }

    /** Points 5 and 10: a phone's CLOSE is the phone's; at phone width the terminal stacks its list above the message. */
    @Test
    @Order(3)
    void aDisplaysCloseIsLocalAndAPhoneStacksTheTerminal() throws Exception {
        onTheShip();
        ChromeDriver phone = phone();
        gm.ok("gm/show-terminal/", "{\"location_slug\":\"" + SHIP + "\",\"terminal_slug\":\"helm\"}");
        for (WebDriver d : List.of(tv, phone)) {
            awaitTrue(d, "the terminal overlay", x -> shown(x, "terminal-overlay") && exists(x, "terminal-reader")
                    && !x.findElements(By.cssSelector("[data-testid^='terminal-msg-']")).isEmpty());
        }
        Map<?, ?> list = rect(phone, "terminal-list"), reader = rect(phone, "terminal-reader");
        assertTrue(num(reader, "top") >= num(list, "bottom") - 1, "the message is below the list on a phone: " + list + " " + reader);
        assertTrue(num(reader, "width") >= 300, "the reader has the phone's width: " + reader);
        shot(phone, "issue17-05-phone-terminal-390x844");

        click(phone, "terminal-close");
        awaitTrue(phone, "closed on the phone", d -> !shown(d, "terminal-overlay"));
        gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"wren_medbay\",\"visible\":true}"); // a later event reaches both
        awaitTrue(tv, "the TV got the later event", d -> "true".equals(attr(d, "room-wren_medbay", "data-visible")));
        assertTrue(shown(tv, "terminal-overlay"), "the TV still shows the terminal");
        assertFalse(shown(phone, "terminal-overlay"), "the phone stays closed");
        assertEquals("helm", JsonText.object(gm.get("active-view/").body()).getString("overlay_terminal_slug"));

        gm.ok("gm/show-terminal/", "{\"location_slug\":\"\",\"terminal_slug\":\"\"}"); // the GM closes it for everyone
        awaitTrue(tv, "the GM closed it on the TV", d -> !shown(d, "terminal-overlay"));
    }

    /** Point 10: on a phone the map starts big enough to read and touch, the legend is folded, two fingers zoom. */
    @Test
    @Order(4)
    void onAPhoneTheMapIsBigEnoughAndPinches() throws Exception {
        onTheShip();
        ChromeDriver phone = phone();
        String token = gm.ok("gm/encounter/place-token/", "{\"type\":\"player\",\"name\":\"Yusra\",\"x\":9,\"y\":6,\"room_id\":\"wren_galley\"}").getString("token_id");
        gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"wren_galley\",\"visible\":true}");
        // a tablet (820x1180) first, then the phone (390x844): the same browser, resized
        resize(phone, 820, 1180);
        bigEnoughToTouch(phone, token, "tablet");
        shot(phone, "issue17-06a-tablet-map-820x1180");
        resize(phone, 390, 844);
        bigEnoughToTouch(phone, token, "phone");
        assertTrue(attr(phone, "map-legend", "class").contains("collapsed"), "the legend starts folded on a phone");
        assertFalse(overlaps(phone, "map-legend", "encounter-map"), "the folded legend does not cover the map");
        shot(phone, "issue17-06-phone-map-390x844");

        double before = Double.parseDouble(attr(phone, "map-svg", "data-zoom"));
        Map<?, ?> svg = rect(phone, "map-svg");
        double cx = (num(svg, "left") + num(svg, "right")) / 2, cy = (num(svg, "top") + num(svg, "bottom")) / 2;
        touch(phone, "touchStart", cx - 20, cy, cx + 20, cy);
        for (int i = 1; i <= 5; i++) {
            touch(phone, "touchMove", cx - 20 - 15 * i, cy, cx + 20 + 15 * i, cy);
        }
        phone.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
        double after = Double.parseDouble(attr(phone, "map-svg", "data-zoom"));
        assertTrue(after > before * 1.5, "two fingers spreading zoom in: " + before + " -> " + after);
    }

    /** Points 9 and 11: on the TV every text is at least 24 px (legend 20) and bright; nothing covers a room or a door. */
    @Test
    @Order(5)
    void onTheTvEveryTextIsLargeAndBrightAndNothingOverlaps() throws Exception {
        onTheShip();
        gm.ok("gm/encounter/room-visibility/", "{\"room_visibility\":{\"wren_cockpit\":true,\"wren_galley\":true,\"wren_medbay\":true,\"wren_airlock\":true,\"wren_cryo\":true}}");
        awaitTrue(tv, "every room on the TV", d -> "true".equals(attr(d, "room-wren_cryo", "data-visible")) && "true".equals(attr(d, "room-wren_medbay", "data-visible"))
                && exists(d, "door-wren_medbay_cryo") && exists(d, "door-wren_galley_cryo"));
        @SuppressWarnings("unchecked")
        List<String> covered = (List<String>) js(tv, """
                const hits = [], L = document.querySelector('[data-testid="map-legend"]').getBoundingClientRect();
                const cut = (a, b) => a.left < b.right - 1 && a.right > b.left + 1 && a.top < b.bottom - 1 && a.bottom > b.top + 1;
                for (const r of document.querySelectorAll('[data-testid^="room-"][data-visible="true"]')) if (cut(L, r.getBoundingClientRect())) hits.push('legend over ' + r.dataset.testid);
                const symbols = [...document.querySelectorAll('[data-testid^="door-"]')].flatMap(d => [...d.querySelectorAll('.door-frame')].map(f => [d.dataset.testid, f.getBoundingClientRect()]));
                for (let i = 0; i < symbols.length; i++) for (let j = i + 1; j < symbols.length; j++)
                  if (symbols[i][0] !== symbols[j][0] && cut(symbols[i][1], symbols[j][1])) hits.push(symbols[i][0] + ' over ' + symbols[j][0]);
                return hits;""");
        assertEquals(List.of(), covered, "nothing drawn over a room or a door");
        shot(tv, "issue17-07-tv-map-1920x1080");
        assertTrue(assertReadableFromTheSofa("ENCOUNTER") >= 5, "the rooms' names measured too");

        gm.ok("gm/switch-view/", "{\"view_type\":\"STANDBY\"}");
        awaitTrue(tv, "STANDBY", d -> "STANDBY".equals(bodyData(d, "viewType")) && "SALT AND STATIC".equals(text(d, "standby-sub")));
        assertReadableFromTheSofa("STANDBY");

        // places without a room map: the star map, captioned with names, never "null"
        for (String[] place : new String[][] {{"hesper", "HESPER"}, {"orrin", "ORRIN"}}) {
            gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + place[0] + "\"}");
            awaitTrue(tv, "the star map of " + place[0], d -> text(d, "bridge-caption").contains(place[1]) && text(d, "display-title").startsWith(place[1]));
            String shown = String.valueOf(js(tv, "return document.body.innerText"));
            assertFalse(shown.toLowerCase().contains("null") || shown.contains("undefined"), "never \"null\" on a display: " + shown);
        }

        gm.ok("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}");
        // the 3D star map (issue 18; BridgeBrowserIT checks its levels): its labels stay inside the map
        awaitTrue(tv, "the bridge's star map", d -> "BRIDGE".equals(bodyData(d, "viewType"))
                && Boolean.TRUE.equals(js(d, "return document.querySelectorAll('[data-testid^=\"bridge-label-\"]').length > 0")));
        @SuppressWarnings("unchecked")
        List<String> starProblems = (List<String>) js(tv, """
                const out = [], map = document.querySelector('[data-testid="bridge-map"]').getBoundingClientRect();
                for (const t of document.querySelectorAll('[data-testid^="bridge-label-"]')) {
                  const r = t.getBoundingClientRect();
                  if (r.width === 0 || getComputedStyle(t).display === 'none' || getComputedStyle(t).visibility === 'hidden') continue;
                  if (r.left < map.left - 0.5 || r.right > map.right + 0.5 || r.top < map.top - 0.5 || r.bottom > map.bottom + 0.5) out.push('cut off: ' + t.textContent);
                }
                return out;""");
        assertEquals(List.of(), starProblems);
        shot(tv, "issue17-08-tv-bridge-starmap-1920x1080");

        // point 13: the session log's Markdown, rendered by the server, with its GFM table
        click(tv, "bridge-tab-logs");
        click(tv, "log-2");
        awaitTrue(tv, "session 2 with its watch rota as a table", d -> Boolean.TRUE.equals(js(d,
                "const t = document.querySelector('[data-testid=\"log-detail\"] .md table'); return !!t && t.rows.length === 3 && t.rows[1].cells[1].textContent === 'Tomas';")));
        assertTrue(Boolean.TRUE.equals(js(tv, "return !!document.querySelector('[data-testid=\"log-detail\"] .md h3')")), "headings rendered");
        shot(tv, "issue17-09-tv-session-log-table");
        click(tv, "bridge-tab-map");
    }

    /** Point 8: a player's line on a channel not on screen is counted, per channel, and the GM opens it from the list. */
    @Test
    @Order(6)
    void charonCountsUnreadLinesPerChannel() throws Exception {
        onTheShip();
        gm.ok("gm/charon/mode/", "{\"mode\":\"QUERY\"}");
        click(console, "tab-charon");
        click(console, "charon-open-bridge"); // the GM reads another channel meanwhile
        awaitTrue(console, "the console on the bridge channel", d -> text(d, "charon-title").endsWith("BRIDGE"));
        String channel = "encounter-" + SHIP;
        var player = new Session(api()).post("charon/" + channel + "/submit/", "{\"query\":\"Is anyone in the cryo vault?\"}");
        assertEquals(200, player.statusCode(), player.body());
        awaitTrue(console, "the ship's channel counts the line not on screen", d -> "1".equals(text(d, "charon-unread-" + channel)));
        awaitTrue(console, "so does the CHARON tab", d -> "1".equals(attr(d, "tab-charon", "data-badge")));
        assertEquals("CHARON TERMINAL // ENCOUNTER: MSV CALDERA WREN", "CHARON TERMINAL // " + text(console, "charon-open-" + channel), "people-facing channel names");
        shot(console, "issue17-10-console-charon-unread");
        click(console, "charon-open-" + channel);
        awaitTrue(console, "the GM reads the line", d -> text(d, "gm-charon-log").contains("Is anyone in the cryo vault?")
                && !exists(d, "charon-unread-" + channel) && "".equals(attr(d, "tab-charon", "data-badge")));
        click(console, "tab-encounter");
    }

    /** Point 12: the GM deactivates, reactivates and deletes players, and lists, searches and deletes messages. */
    @Test
    @Order(7)
    void theGmManagesAccountsAndMessagesFromTheConsole() throws Exception {
        click(console, "tab-players");
        awaitTrue(console, "ripley's row", d -> exists(d, "player-active-ripley"));
        assertFalse(exists(console, "player-delete-gm"), "the GM's own account has no delete");
        click(console, "player-active-ripley");
        awaitTrue(console, "ripley inactive", d -> text(d, "player-ripley").contains("INACTIVE") && "REACTIVATE".equals(text(d, "player-active-ripley")));
        assertTrue(loginStatus("ripley", "ripley-pass-123") >= 400, "a deactivated player cannot sign in");
        click(console, "player-active-ripley");
        awaitTrue(console, "ripley active again", d -> "DEACTIVATE".equals(text(d, "player-active-ripley")));
        assertEquals(200, loginStatus("ripley", "ripley-pass-123"), "reactivated, ripley signs in");

        // a write without the CSRF token is refused and changes nothing
        var noToken = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(api().resolve("gm/player-accounts/hicks/delete/"))
                .header("Content-Type", "application/json").header("Cookie", gm.cookieHeader().getOrDefault("Cookie", ""))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(403, noToken.statusCode(), noToken.body());
        assertEquals(400, gm.post("gm/player-accounts/hicks/active/", "{}").statusCode(), "active is required");
        assertEquals(200, loginStatus("hicks", "hicks-pass-123"), "hicks still there");

        click(console, "player-delete-hicks");
        awaitTrue(console, "asked once more", d -> "CONFIRM DELETE".equals(text(d, "player-delete-hicks")));
        click(console, "player-delete-hicks");
        awaitTrue(console, "hicks gone", d -> !exists(d, "player-hicks"));
        assertTrue(loginStatus("hicks", "hicks-pass-123") >= 400, "a deleted player cannot sign in");
        shot(console, "issue17-11-console-players");

        // Ripley's phone shows her messages page, open while the GM deletes one (it must go without a reload)
        ChromeDriver ripleysPhone = phone();
        // the page's streams, kept where the test can end one as the network would (EventSource has no other handle)
        ripleysPhone.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                const Native = window.EventSource; window.__streams = [];
                window.EventSource = class extends Native { constructor(...a) { super(...a); window.__streams.push(this); } };"""));
        ripleysPhone.get(page("login/"));
        awaitTrue(ripleysPhone, "login page", d -> exists(d, "login-username"));
        ripleysPhone.findElement(By.cssSelector("[data-testid='login-username']")).sendKeys("ripley");
        ripleysPhone.findElement(By.cssSelector("[data-testid='login-password']")).sendKeys("ripley-pass-123");
        ripleysPhone.findElement(By.cssSelector("[data-testid='login-submit']")).click();
        awaitTrue(ripleysPhone, "ripley's messages, live", d -> d.getCurrentUrl().endsWith("/messages/") && "live".equals(bodyData(d, "connection")));

        String nonce = Long.toString(System.nanoTime(), 36);
        long first = gm.ok("gm/broadcast/", "{\"content\":\"Coolant leak " + nonce + "\"}").getJsonNumber("message_id").longValue();
        long second = gm.ok("gm/broadcast/", "{\"content\":\"Pod 7 warm " + nonce + "\",\"recipients\":[\"ripley\"]}").getJsonNumber("message_id").longValue();
        click(console, "tab-broadcast");
        console.findElement(By.cssSelector("[data-testid='message-search']")).sendKeys(nonce + org.openqa.selenium.Keys.ENTER);
        awaitTrue(console, "both found", d -> exists(d, "sent-message-" + first) && exists(d, "sent-message-" + second)
                && d.findElements(By.cssSelector("[data-testid^='sent-message-']")).size() == 2);
        assertTrue(text(console, "sent-message-" + second).contains("→ ripley"), "the list says who got it");
        awaitTrue(ripleysPhone, "both reached Ripley's open page", d -> exists(d, "message-" + first) && exists(d, "message-" + second));
        click(console, "message-delete-" + first);
        click(console, "message-delete-" + first);
        awaitTrue(console, "deleted from the list", d -> !exists(d, "sent-message-" + first) && exists(d, "sent-message-" + second));
        awaitTrue(ripleysPhone, "gone from Ripley's open page, without a reload", d -> !exists(d, "message-" + first) && exists(d, "message-" + second));
        shot(ripleysPhone, "issue17-13-phone-message-deleted");

        // the page loses its stream, and cannot open another, while the GM deletes a message: the event is missed...
        long third = gm.ok("gm/broadcast/", "{\"content\":\"Cryo 3 open " + nonce + "\",\"recipients\":[\"ripley\"]}").getJsonNumber("message_id").longValue();
        awaitTrue(ripleysPhone, "the third message on Ripley's page", d -> exists(d, "message-" + third));
        click(console, "message-search-go");
        awaitTrue(console, "the third in the console's list", d -> exists(d, "sent-message-" + third));
        ripleysPhone.executeCdpCommand("Network.enable", Map.of());
        ripleysPhone.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/active-view/stream/*")));
        js(ripleysPhone, "const s = window.__streams.at(-1); s.close(); s.dispatchEvent(new Event('error'));");
        awaitTrue(ripleysPhone, "the page knows it is cut off", d -> "lost".equals(bodyData(d, "connection")));
        assertEquals(200, gm.post("gm/messages/" + third + "/delete/", "{}").statusCode(), "deleted while the page is cut off");
        assertTrue(exists(ripleysPhone, "message-" + third), "the cut-off page could not know");
        // the console's list, open meanwhile, hears of a deletion made elsewhere (here the API; another GM tab alike)
        awaitTrue(console, "the console's list drops it live", d -> !exists(d, "sent-message-" + third) && exists(d, "sent-message-" + second));
        // ...and once the stream is back the page catches up with the server's list
        ripleysPhone.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        awaitTrue(ripleysPhone, "after reconnecting, the message deleted meanwhile is gone", d -> "live".equals(bodyData(d, "connection"))
                && !exists(d, "message-" + third) && exists(d, "message-" + second));
        assertFalse(new Session(api()).get("messages/").body().contains("Coolant leak " + nonce), "the deleted message is gone for the players");
        assertEquals(404, gm.post("gm/messages/" + first + "/delete/", "{}").statusCode(), "deleted once");
        shot(console, "issue17-12-console-sent-messages");
        click(console, "tab-encounter");
    }

    /**
     * Points 2 and 3: the shortcuts the `?` list names change the table (1-4 the view, [ and ] the deck), and one click on
     * a location with a map shows its encounter from every view: BRIDGE, CHARON and another location's encounter.
     */
    @Test
    @Order(8)
    void shortcutsAndALocationClickFromEveryView() throws Exception {
        onTheShip();
        gm.ok("gm/encounter/switch-level/", "{\"level\":1,\"deck_id\":\"upper\"}");
        awaitTrue(console, "the upper deck", d -> "upper".equals(state("encounter_deck_id")));
        key("]");
        awaitTrue(tv, "] shows the next deck", d -> "lower".equals(state("encounter_deck_id")) && "lower".equals(state("location_data.map.current_deck_id")));
        key("[");
        awaitTrue(tv, "[ the previous one", d -> "upper".equals(state("encounter_deck_id")));

        expandTree("hesper", "orrin");
        key("2");
        awaitTrue(tv, "2: BRIDGE", d -> "BRIDGE".equals(bodyData(d, "viewType")) && "BRIDGE".equals(state("view_type")));
        clickLocation(STATION, "from BRIDGE");
        key("4");
        awaitTrue(tv, "4: CHARON", d -> "CHARON_TERMINAL".equals(bodyData(d, "viewType")) && exists(d, "charon-view"));
        clickLocation(SHIP, "from CHARON");
        clickLocation(STATION, "from the ship's encounter");
        key("1");
        awaitTrue(tv, "1: STANDBY", d -> "STANDBY".equals(bodyData(d, "viewType")) && "STANDBY".equals(state("view_type")));
        key("3");
        awaitTrue(tv, "3: the encounter last shown", d -> "ENCOUNTER".equals(bodyData(d, "viewType")) && STATION.equals(state("location_slug")) && exists(d, "map-svg"));
    }

    /** Point 11 beyond the map: every BRIDGE tab, the CHARON view and the overlays, on the TV at 1080p, scanlines on. */
    @Test
    @Order(9)
    void everyBridgeTabTheCharonViewAndTheOverlaysAreReadableFromTheSofa() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}");
        for (String tab : List.of("MAP", "PERSONNEL", "LOGS", "STATUS", "CHARON")) {
            gm.ok("gm/bridge/", "{\"tab\":\"" + tab + "\"}");
            String panel = Map.of("MAP", "bridge-map", "PERSONNEL", "personnel-detail", "LOGS", "log-detail", "STATUS", "ship-status", "CHARON", "bridge-charon").get(tab);
            awaitTrue(tv, "BRIDGE " + tab, d -> "BRIDGE".equals(bodyData(d, "viewType")) && shown(d, panel) && ("CHARON".equals(tab) || !text(d, panel).isBlank()));
            shot(tv, "issue17-14-tv-bridge-" + tab.toLowerCase() + "-1920x1080");
            int svgTexts = assertReadableFromTheSofa("BRIDGE " + tab);
            assertTrue(!"STATUS".equals(tab) || svgTexts >= 3, "the ship schematic's labels measured too: " + svgTexts);
        }
        gm.ok("gm/switch-view/", "{\"view_type\":\"CHARON_TERMINAL\"}");
        awaitTrue(tv, "the CHARON view", d -> "CHARON_TERMINAL".equals(bodyData(d, "viewType")) && shown(d, "charon-view"));
        shot(tv, "issue17-15-tv-charon-1920x1080");
        assertReadableFromTheSofa("CHARON");

        onTheShip();
        gm.ok("gm/show-terminal/", "{\"location_slug\":\"" + SHIP + "\",\"terminal_slug\":\"helm\"}");
        awaitTrue(tv, "the terminal overlay", d -> shown(d, "terminal-overlay") && exists(d, "terminal-message-body"));
        shot(tv, "issue17-16-tv-terminal-overlay-1920x1080");
        assertReadableFromTheSofa("the terminal overlay");
        gm.ok("gm/show-terminal/", "{\"location_slug\":\"\",\"terminal_slug\":\"\"}");

        String npc = JsonText.object(gm.get("gm/active-view/").body()).getJsonObject("encounter_npc_data").keySet().iterator().next();
        gm.ok("gm/encounter/toggle-portrait/", "{\"npc_id\":\"" + npc + "\"}");
        awaitTrue(tv, "the portrait, its name typed out", d -> String.valueOf(attr(d, "portrait-" + npc, "class")).contains("phase-done")
                && !text(d, "portrait-name-" + npc).isBlank() && !String.valueOf(js(d, "return document.querySelector('[data-testid=\"portrait-name-" + npc + "\"]').textContent")).isBlank());
        shot(tv, "issue17-17-tv-portrait-1920x1080");
        assertReadableFromTheSofa("an NPC portrait");
        gm.ok("gm/encounter/toggle-portrait/", "{\"npc_id\":\"" + npc + "\"}");

        gm.ok("gm/charon/toggle-dialog/", "{\"open\":true}");
        awaitTrue(tv, "the CHARON dialog", d -> shown(d, "charon-dialog") && exists(d, "charon-dialog-terminal"));
        shot(tv, "issue17-18-tv-charon-dialog-1920x1080");
        assertReadableFromTheSofa("the CHARON dialog");
        gm.ok("gm/charon/toggle-dialog/", "{\"open\":false}");
        awaitTrue(tv, "the dialog closed", d -> !shown(d, "charon-dialog"));
    }

    private static void key(String key) {
        console.findElement(By.tagName("body")).sendKeys(key);
    }

    /** One click on the location in the console's tree; the TV shows its encounter and its map. */
    private static void clickLocation(String slug, String from) {
        String before = String.valueOf(bodyData(tv, "version"));
        click(console, "loc-" + slug);
        awaitTrue(tv, "one click " + from + ": the map of " + slug, d -> !before.equals(bodyData(d, "version")) && "ENCOUNTER".equals(bodyData(d, "viewType"))
                && slug.equals(state("location_slug")) && exists(d, "map-svg"));
    }

    /** A value of the GM's state, by a dotted path ("" when absent). */
    private static String state(String path) {
        try {
            jakarta.json.JsonValue v = JsonText.object(gm.get("gm/active-view/").body());
            for (String k : path.split("\\.")) {
                if (!(v instanceof jakarta.json.JsonObject o) || !o.containsKey(k)) {
                    return "";
                }
                v = o.get(k);
            }
            return v instanceof jakarta.json.JsonString str ? str.getString() : String.valueOf(v);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first login also warms the server up; on a loaded machine it may outlast one request's timeout. */
    private Session signedInGm() throws Exception {
        try {
            return Session.gm(api());
        } catch (java.net.http.HttpTimeoutException slowFirstLogin) {
            return Session.gm(api());
        }
    }

    /** Each test starts from the ship's encounter on every screen, whatever the test before it left. */
    private void onTheShip() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + SHIP + "\"}");
        awaitTrue(console, "the console on the ship", d -> "ENCOUNTER // MSV CALDERA WREN".equals(text(d, "current-view")) && exists(d, "gm-map"));
        awaitTrue(tv, "the TV on the ship", d -> "ENCOUNTER".equals(bodyData(d, "viewType")) && exists(d, "map-svg"));
    }

    private int loginStatus(String user, String password) throws Exception {
        return new Session(api()).post("auth/login/", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}").statusCode();
    }

    // ------------------------------------------------------------------ helpers

    private ChromeDriver phone() throws IOException {
        if (phoneDriver == null) {
            phoneDriver = browser("phone", 390, 844, true);
            phoneDriver.get(page("terminal/"));
            awaitTrue(phoneDriver, "phone live", d -> "live".equals(bodyData(d, "connection")) && bodyData(d, "viewType") != null);
        }
        return phoneDriver;
    }

    /**
     * Every visible text on the TV: its size in CSS px (an SVG text's scaled by the map's zoom) at least 24 (20 in the
     * legend), and its contrast with what is behind it, with the scanlines' dark row over both, at least 4.5:1, and
     * 7:1 for primary text (the display's bright colours: --text, --teal-hi, --amber-hi; the names on the maps: rooms, tokens, stars).
     * SVG text included: its fill over the shapes drawn beneath it. Answers how many SVG texts were measured.
     */
    private static int assertReadableFromTheSofa(String where) {
        Map<?, ?> measured = (Map<?, ?>) js(tv, """
                const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const v = m[1].split(',').map(Number); return {r: v[0], g: v[1], b: v[2], a: v.length > 3 ? v[3] : 1}; };
                const over = (f, b) => ({r: f.r * f.a + b.r * (1 - f.a), g: f.g * f.a + b.g * (1 - f.a), b: f.b * f.a + b.b * (1 - f.a), a: 1});
                const lum = (c) => { const ch = (x) => { x /= 255; return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }; return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b); };
                const scan = (c) => ({r: c.r * 0.78, g: c.g * 0.78, b: c.b * 0.78, a: 1});
                const ratio = (x, y) => { const a = lum(x), b = lum(y); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
                // What is drawn beneath an HTML element: the backgrounds of it and its ancestors, composited until one is opaque.
                // Before an ancestor's own background comes any drawing inside it painted earlier under the element: the star
                // map's labels sit over its scene. A canvas's pixels (the 3D map's WebGL scene) cannot be read from styles, so
                // the worst case is assumed there: white; an SVG's (the 2D map) are its shapes' fills, the lightest of three points.
                const scene = (el, e, r) => [...e.querySelectorAll('canvas, svg')].find(x => !x.ownerSVGElement && !x.contains(el)
                    && (x.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) && x.checkVisibility()
                    && (b => b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top)(x.getBoundingClientRect()));
                const background = (el) => {
                  const layers = [], r = el.getBoundingClientRect();
                  let base = {r: 0, g: 0, b: 0, a: 1};
                  for (let e = el; e; e = e.parentElement) {
                    const drawn = e === el ? null : scene(el, e, r);
                    if (drawn instanceof HTMLCanvasElement) { base = {r: 255, g: 255, b: 255, a: 1}; break; }
                    if (drawn) { base = [0.2, 0.5, 0.8].map(f => beneathSvg(drawn, el, r.left + r.width * f, r.top + r.height / 2)).sort((p, q) => lum(q) - lum(p))[0]; break; }
                    const cs = getComputedStyle(e);
                    const img = cs.backgroundImage.match(/rgba?\\([^)]+\\)/g);
                    // a gradient: its lightest stop, the worst case
                    if (img) { const cols = img.map(parse).sort((p, q) => lum(q) - lum(p)); layers.push(cols[0]); if (cols[0].a >= 1) break; }
                    const bg = parse(cs.backgroundColor);
                    if (bg && bg.a > 0) { layers.push(bg); if (bg.a >= 1) break; }
                  }
                  let c = base;
                  for (let i = layers.length - 1; i >= 0; i--) c = over(layers[i], c);
                  return c;
                };
                // An SVG text's colour is its fill. What is beneath it at a point of the screen: the SVG's own HTML background
                // (above), then every shape of the same SVG painted before the text (document order is SVG's painting order)
                // whose fill covers that point (isPointInFill, in the shape's own coordinates), each with its fill-opacity and
                // opacity. A pattern or gradient fill counts as its lightest colour. Strokes of shapes and the label's own dark
                // halo (paint-order: stroke) are left out: thin lines beneath, and a halo only adds contrast.
                const opacity = (e, stop) => { let o = 1; for (; e && e !== stop.parentElement; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; };
                const paint = (v) => {
                  if (!v.startsWith('url(')) return parse(v);
                  const ref = document.getElementById(v.slice(v.indexOf('#') + 1).replace(/["')]/g, ''));
                  if (!ref) return null;
                  const cols = [...ref.querySelectorAll('*')].flatMap(x => { const cs = getComputedStyle(x); return [cs.fill, cs.stroke, cs.stopColor]; })
                      .map(parse).filter(Boolean).sort((p, q) => lum(q) - lum(p));
                  return cols[0] || null;
                };
                const beneathSvg = (svg, el, x, y) => {
                  let c = background(svg);
                  for (const s of svg.querySelectorAll('rect, circle, ellipse, path, polygon, polyline')) {
                    if (!(s.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) || s.closest('defs, clipPath, mask, pattern, symbol')) continue;
                    if (!s.checkVisibility({visibilityProperty: true})) continue;
                    const cs = getComputedStyle(s), fill = paint(cs.fill), m = s.getScreenCTM();
                    if (!fill || !m || !s.isPointInFill(new DOMPoint(x, y).matrixTransform(m.inverse()))) continue;
                    c = over({...fill, a: fill.a * Number(cs.fillOpacity) * opacity(s, svg)}, c);
                  }
                  return c;
                };
                const primary = ['--text', '--teal-hi', '--amber-hi'].map(v => getComputedStyle(document.body).getPropertyValue(v).trim().toLowerCase());
                const hex = (c) => '#' + [c.r, c.g, c.b].map(x => Math.round(x).toString(16).padStart(2, '0')).join('');
                const bad = [], seen = new Set();
                let svgTexts = 0;
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const el = n.parentElement;
                  if (!n.textContent.trim() || !el || seen.has(el) || el.closest('[hidden], script, style, title, noscript')) continue;
                  seen.add(el);
                  const r = el.getBoundingClientRect();
                  if (!r.width || !r.height || r.bottom < 0 || r.right < 0 || r.top > innerHeight || r.left > innerWidth) continue;
                  const cs = getComputedStyle(el);
                  if (cs.visibility === 'hidden' || Number(cs.opacity) === 0 || el.closest('.fade')) continue;
                  let size = parseFloat(cs.fontSize);
                  if (el instanceof SVGElement) size *= el.getScreenCTM().a;
                  const min = el.closest('[data-testid="map-legend"]') ? 20 : 24;
                  const label = n.textContent.trim().slice(0, 30);
                  if (size < min - 0.05) bad.push(`${label}: ${size.toFixed(1)} px < ${min}`);
                  if (el instanceof SVGElement) {
                    // the map's names (rooms, tokens) are its primary text; the worst of three points along the label
                    const fg = paint(cs.fill); if (!fg) continue;
                    const svg = el.ownerSVGElement, text = el.closest('text');
                    fg.a *= Number(getComputedStyle(text).fillOpacity) * opacity(text, svg);
                    const isPrimary = primary.includes(hex(fg)) || !!el.closest('.room-label, .token-initial');
                    let worst = null;
                    for (const f of [0.2, 0.5, 0.8]) {
                      const bg = beneathSvg(svg, text, r.left + r.width * f, r.top + r.height / 2);
                      const c = ratio(scan(over(fg, bg)), scan(bg));
                      if (!worst || c < worst.c) worst = {c, bg};
                    }
                    svgTexts++;
                    if (worst.c < (isPrimary ? 7 : 4.5)) bad.push(`${label} (SVG): contrast ${worst.c.toFixed(2)} < ${isPrimary ? 7 : 4.5} (${hex(fg)} on ${hex(worst.bg)})`);
                    continue;
                  }
                  const fg = parse(cs.color); if (!fg) continue;
                  const bg = background(el), fgc = over(fg, bg);
                  const c = ratio(scan(fgc), scan(bg));
                  const isPrimary = primary.includes(hex(fg)) || !!el.closest('.bm-label'); // the star map's names too
                  if (c < (isPrimary ? 7 : 4.5)) bad.push(`${label}: contrast ${c.toFixed(2)} < ${isPrimary ? 7 : 4.5} (${hex(fg)} on ${hex(bg)})`);
                }
                return {bad, svgTexts};""");
        assertEquals(List.of(), measured.get("bad"), "text on the TV (" + where + ") too small or too faint");
        return ((Number) measured.get("svgTexts")).intValue();
    }

    private static void resize(ChromeDriver d, int width, int height) {
        d.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Reloaded at its size: the token at least 24 px, every label of the map at least 12 px. */
    private void bigEnoughToTouch(ChromeDriver d, String token, String what) {
        d.navigate().refresh();
        awaitTrue(d, what + " draws the token", x -> "live".equals(bodyData(x, "connection")) && exists(x, "token-" + token));
        Map<?, ?> tok = rect(d, "token-" + token);
        assertTrue(num(tok, "width") >= 24 && num(tok, "height") >= 24, "a token is at least 24 px on a " + what + ": " + tok);
        Object smallest = js(d, """
                let min = 1e9;
                for (const t of document.querySelectorAll('[data-testid="encounter-map"] text')) {
                  if (!t.textContent.trim()) continue;
                  min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
                }
                return min;""");
        assertTrue(((Number) smallest).doubleValue() >= 12, "every map label is at least 12 px on a " + what + ": " + smallest);
    }

    private static void touch(ChromeDriver d, String type, double x1, double y1, double x2, double y2) {
        d.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", type, "touchPoints", List.of(
                Map.of("x", x1, "y", y1, "id", 1), Map.of("x", x2, "y", y2, "id", 2))));
    }

    private static boolean overlaps(WebDriver d, String a, String b) {
        Map<?, ?> x = rect(d, a), y = rect(d, b);
        return num(x, "left") < num(y, "right") - 1 && num(x, "right") > num(y, "left") + 1
                && num(x, "top") < num(y, "bottom") - 1 && num(x, "bottom") > num(y, "top") + 1;
    }

    private static double num(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    /** Clicks the middle of an SVG element of the console's map (a room's free middle, a door). */
    private static void clickOnMap(String id) {
        String css = "[data-testid='gm-map'] [data-testid='" + id + "']" + (id.startsWith("door-") ? " > g" : "");
        WebElement e = console.findElement(By.cssSelector(css));
        new Actions(console).moveToElement(e).click().perform();
    }

    private static boolean inViewport(WebDriver d, String id) {
        Map<?, ?> r = rect(d, id);
        if (r == null) {
            return false;
        }
        double top = ((Number) r.get("top")).doubleValue(), bottom = ((Number) r.get("bottom")).doubleValue();
        double left = ((Number) r.get("left")).doubleValue(), right = ((Number) r.get("right")).doubleValue();
        double w = ((Number) r.get("iw")).doubleValue(), h = ((Number) r.get("ih")).doubleValue();
        return ((Number) r.get("height")).doubleValue() > 0 && top >= 0 && left >= 0 && bottom <= h + 0.5 && right <= w + 0.5;
    }

    private static Map<?, ?> rect(WebDriver d, String id) {
        return (Map<?, ?>) js(d, """
                const e = document.querySelector('[data-testid="' + arguments[0] + '"]');
                if (!e) return null;
                const r = e.getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height, iw: innerWidth, ih: innerHeight};""", id);
    }

    private static void expandTree(String... slugs) {
        for (String slug : slugs) {
            By twisty = By.xpath("//button[@data-testid='loc-" + slug + "']/preceding-sibling::button[contains(@class,'twisty')]");
            boolean[] clicked = {false};
            // the tree is redrawn on every change of the table: find, read and click again until one click has landed
            awaitTrue(console, "tree node " + slug, d -> {
                WebElement t = d.findElement(twisty);
                if ("+".equals(t.getText().trim())) {
                    t.click();
                    clicked[0] = true;
                }
                return true;
            });
            if (clicked[0]) {
                awaitTrue(console, "tree node " + slug + " open", d -> "\u2212".equals(d.findElement(twisty).getText().trim()));
            }
        }
    }

    /** A browser whose page is exactly width×height CSS pixels (a phone: touch, and the mobile viewport rules). */
    private static ChromeDriver browser(String name, int width, int height, boolean mobile) throws IOException {
        ChromeDriver driver = Pages.chromium(DATA, name, "--disable-gpu", "--window-size=" + width + "," + (height + 100));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        if (mobile) {
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        }
        return driver;
    }

    private static boolean shown(WebDriver d, String id) {
        return Boolean.TRUE.equals(js(d, "const e = document.querySelector('[data-testid=\"' + arguments[0] + '\"]'); return !!e && !e.hidden && e.getClientRects().length > 0;", id));
    }

    private static void click(WebDriver d, String id) {
        awaitTrue(d, "clickable " + id, x -> {
            WebElement e = x.findElement(By.cssSelector("[data-testid='" + id + "']"));
            if (!e.isDisplayed() || !e.isEnabled()) {
                return false;
            }
            e.click();
            return true;
        });
    }

    private static void shot(ChromeDriver d, String name) {
        Pages.screenshot(d, SCREENSHOTS, name);
    }

    private static void awaitTrue(WebDriver d, String what, Function<WebDriver, Boolean> condition) {
        Pages.awaitTrue(d, what, WAIT, condition);
    }
}
