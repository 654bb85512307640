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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import charon.testsupport.Deployments;
import charon.testsupport.Pages;
import charon.testsupport.Session;
import charon.testsupport.SqliteLockHolder;

import static charon.testsupport.Pages.attr;
import static charon.testsupport.Pages.bodyData;
import static charon.testsupport.Pages.exists;
import static charon.testsupport.Pages.js;
import static charon.testsupport.Pages.text;
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
    /** Issue 20: a display marked as speaker, in a Chromium whose autoplay restriction is lifted. */
    private static WebDriver speaker;
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
        for (WebDriver driver : new WebDriver[] {console, display, speaker}) {
            if (driver != null) {
                driver.quit();
            }
        }
        console = null;
        display = null;
        speaker = null;
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
    @Order(20)
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
                + "window.keptNodes = [q('room-wren_galley'), q('token-' + arguments[0]), document.querySelector('[data-testid^=\"door-\"]'),"
                + " q('token-' + arguments[1])];"
                + "performance.clearMeasures('charon-activeview');", still, mover);
        int moves = 30;
        ChromeDriver tv = (ChromeDriver) display;
        // -Dcharon.it.displayWork.perf=true: the same moves with the display's performance mode on (no CSS animations),
        // to tell the display's own work from what its animations take of the main thread (docs/performance.md)
        boolean perfMode = Boolean.getBoolean("charon.it.displayWork.perf");
        if (perfMode) {
            js(display, "document.body.classList.add('perf');");
        }
        // the renderers' main threads: CPU time and time spent waiting for a core, per move (what the wall-time measure
        // cannot tell apart on a loaded machine)
        charon.testsupport.RendererCpu renderers = charon.testsupport.RendererCpu.under(
                ((Number) tv.getCapabilities().getCapability("goog:processID")).longValue());
        long[][][] perMove = new long[moves][][];
        charon.testsupport.PageMetrics.enable(tv);
        tv.executeCdpCommand("Emulation.setCPUThrottlingRate", java.util.Map.of("rate", 6));
        // one idle second first, throttled: what the TV's page does with no event to handle (Chromium's counters), and
        // how long its main thread is on a CPU meanwhile (mostly Chromium's throttling itself: on Linux it "suspends" the
        // thread by a signal whose handler spins, 5 of every 6 x 200 µs, busy or idle; docs/performance.md)
        long[][] idleBefore = renderers.sample();
        charon.testsupport.PageMetrics idleStart = charon.testsupport.PageMetrics.of(tv);
        long idleWall = System.nanoTime();
        Thread.sleep(1000); // a measuring window, not a wait for anything
        charon.testsupport.PageMetrics movesStartMetrics = charon.testsupport.PageMetrics.of(tv);
        idleWall = System.nanoTime() - idleWall;
        long[][] idleAfter = renderers.sample();
        long movesStart = System.nanoTime();
        try {
            for (int i = 1; i <= moves; i++) {
                String x = String.valueOf(i % 2 == 0 ? 9 : 10);
                long[][] before = renderers.sample();
                gm.ok("gm/encounter/move-token/", "{\"token_id\":\"" + mover + "\",\"x\":" + x + ",\"y\":6}");
                // one script that waits in the page (a MutationObserver), not a poll every 20 ms: the renderer's CPU
                // time over the move is then the event's handling and rendering, and this one script
                assertEquals(Boolean.TRUE, tv.executeAsyncScript("const [id, x, done] = arguments;"
                        + "const moved = () => { const n = document.querySelector('[data-testid=\"token-' + id + '\"]');"
                        + " return !!n && n.getAttribute('data-x') === x; };"
                        + "if (moved()) { done(true); return; }"
                        + "const seen = new MutationObserver(() => { if (moved()) { seen.disconnect(); done(true); } });"
                        + "seen.observe(document.body, { subtree: true, childList: true, attributes: true });", mover, x),
                        "move " + i + " on the TV");
                long[][] after = renderers.sample();
                for (int r = 0; r < after.length; r++) {
                    after[r][0] -= before[r][0];
                    after[r][1] -= before[r][1];
                }
                perMove[i - 1] = after;
            }
        } finally {
            tv.executeCdpCommand("Emulation.setCPUThrottlingRate", java.util.Map.of("rate", 1));
        }
        long movesWall = System.nanoTime() - movesStart;
        charon.testsupport.PageMetrics movesEnd = charon.testsupport.PageMetrics.of(tv);
        assertTrue(patchesSent() - patchesBefore >= moves, "the TV is on a patch stream");
        assertEquals(Boolean.TRUE, js(display, "const q = (id) => document.querySelector('[data-testid=\"' + id + '\"]');"
                + "return window.keptNodes.every(n => n && n.isConnected) && window.keptNodes[0] === q('room-wren_galley')"
                + " && window.keptNodes[1] === q('token-' + arguments[0]) && window.keptNodes[3] === q('token-' + arguments[1]);", still, mover),
                "rooms, doors and the other token are not drawn again, and the moved token is moved, not drawn again");
        @SuppressWarnings("unchecked")
        java.util.List<Number> durations = (java.util.List<Number>) js(display,
                "return performance.getEntriesByName('charon-activeview').map(e => e.duration);");
        assertTrue(durations.size() >= moves, "every event handled is measured: " + durations.size());
        double[] ms = durations.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        String line = String.format(java.util.Locale.ROOT,
                "display work per token move, Chromium CPU throttled 6x%s, %d events: median %.2f ms, p90 %.2f ms, max %.2f ms"
                        + " (in order: %s)%n",
                perfMode ? " (performance mode: no animations)" : "", ms.length, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.9) - 1], ms[ms.length - 1],
                durations.stream().map(d -> String.format(java.util.Locale.ROOT, "%.1f", d.doubleValue()))
                        .collect(java.util.stream.Collectors.joining(" ")));
        line += rendererLine(perMove, renderers.renderers(), movesWall);
        line += String.format(java.util.Locale.ROOT, "TV page (Chromium Performance.getMetrics) per move: %s; in one idle second"
                + " before, throttled: %s, busiest renderer main thread on a CPU %.0f %% of it; animations running: %s%n",
                movesEnd.since(movesStartMetrics, moves), movesStartMetrics.since(idleStart, 1), idleShare(idleBefore, idleAfter, idleWall),
                js(display, "return document.getAnimations().filter(a => a.playState === 'running').map(a => (a.animationName"
                        + " || a.transitionProperty) + ' on ' + (a.effect && a.effect.target ? a.effect.target.tagName + '.'"
                        + " + a.effect.target.getAttribute('class') : '?')).join('; ');"));
        System.out.print(line);
        Files.writeString(Path.of("target", "display-work.txt"), line, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static void record(String measure) throws java.io.IOException {
        System.out.println("TableBrowserIT: " + measure);
        Files.writeString(Path.of("target", "sound-latency.txt"), measure + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * The busiest renderer's main thread (the TV page's) per move: CPU time (the handler, the rendering that follows, and
     * the test's wait script, so an upper bound of the display's work) and time spent waiting for a core.
     */
    private static String rendererLine(long[][][] perMove, int renderers, long wallNanos) {
        if (renderers == 0) {
            return "renderer main threads: none found under the browser process\n";
        }
        int busiest = 0;
        long most = -1;
        for (int r = 0; r < renderers; r++) {
            long total = 0;
            for (long[][] move : perMove) {
                total += move[r][0];
            }
            if (total > most) {
                most = total;
                busiest = r;
            }
        }
        double[] cpu = new double[perMove.length];
        double[] wait = new double[perMove.length];
        double cpuTotal = 0;
        for (int i = 0; i < perMove.length; i++) {
            cpu[i] = perMove[i][busiest][0] / 1e6;
            wait[i] = perMove[i][busiest][1] / 1e6;
            cpuTotal += cpu[i];
        }
        java.util.Arrays.sort(cpu);
        java.util.Arrays.sort(wait);
        int p90 = (int) Math.ceil(cpu.length * 0.9) - 1;
        return String.format(java.util.Locale.ROOT, "TV renderer main thread per move (CPU throttled 6x, whose suspension spins "
                + "on the CPU; the handler, the rendering after it, the test's one wait script): on a "
                + "CPU median %.2f ms, p90 %.2f ms, max %.2f ms; waiting for a core median %.2f ms, p90 %.2f ms, max %.2f ms;"
                + " on a CPU %.0f %% of the %.1f s the moves took%n", cpu[cpu.length / 2], cpu[p90], cpu[cpu.length - 1], wait[wait.length / 2],
                wait[p90], wait[wait.length - 1], 100 * cpuTotal / (wallNanos / 1e6), wallNanos / 1e9);
    }

    /** The largest share of {@code wallNanos} any renderer's main thread spent on a CPU between the two samples. */
    private static double idleShare(long[][] before, long[][] after, long wallNanos) {
        double most = 0;
        for (int r = 0; r < after.length; r++) {
            most = Math.max(most, 100.0 * (after[r][0] - before[r][0]) / wallNanos);
        }
        return most;
    }

    private long patchesSent() throws Exception {
        return charon.testsupport.JsonText.object(gm.get("gm/diagnostics").body()).getJsonNumber("patches_sent").longValue();
    }

    /**
     * Issue 20: the GM's alert sounds on the display marked as speaker (how long after the GM's write is measured with
     * an AnalyserNode on the page's own audio graph and recorded in target/sound-latency.txt, not asserted: timings
     * belong to the benchmark, and two test JVMs share the CPU), every display shows its visual cue, a display not marked as
     * speaker plays nothing (it has no audio graph), and a display that connects later does not replay it.
     */
    @Test
    @Order(6)
    void aGmAlertSoundsOnTheSpeakerAndEveryDisplayShowsIt() throws Exception {
        gm.ok("gm/sound/level/", "{\"level\":0}"); // no ambience: what the speaker plays next is the alert
        gm.ok("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}");
        speaker = browser("speaker", "--autoplay-policy=no-user-gesture-required");
        speaker.get(page("terminal/?speaker=1"));
        awaitTrue(speaker, "the speaker display live, sound on", d -> "live".equals(bodyData(d, "connection")) && "on".equals(bodyData(d, "sound")));
        assertEquals("off", bodyData(display, "sound"), "a display not marked as speaker is silent by default");
        assertEquals("on graph", listen(speaker));
        assertEquals("off none", listen(display), "nothing that could sound on the display not marked as speaker");
        awaitTrue(speaker, "quiet before the alert", d -> quietFor(d, 500));
        listen(speaker);

        long before = System.currentTimeMillis();
        gm.ok("gm/sound/alert/", "{\"sound\":\"klaxon\"}");
        awaitTrue(speaker, "the klaxon heard on the speaker", d -> heardAt(d) > 0);
        long delay = heardAt(speaker) - before;
        record("the klaxon sounded on the speaker " + delay + " ms after the GM's write began (aim: 200 ms)");
        awaitTrue(speaker, "the cue on the speaker", d -> cueShown(d, "klaxon"));
        awaitTrue(display, "the cue on the silent display", d -> cueShown(d, "klaxon"));
        assertTrue(text(display, "alert-cue").contains("KLAXON"), text(display, "alert-cue"));
        long apart = Math.abs(Long.parseLong(attr(speaker, "alert-cue", "data-shown-epoch")) - Long.parseLong(attr(display, "alert-cue", "data-shown-epoch")));
        record("the two displays showed the klaxon " + apart + " ms apart (aim: 100 ms)");
        assertEquals("off none", listen(display), "and it still has nothing that could sound");

        awaitTrue(speaker, "quiet after the klaxon", d -> quietFor(d, 300));
        listen(speaker);
        // no alert, no ambience: only the displays' UI sounds
        gm.ok("gm/switch-view/", "{\"view_type\":\"STANDBY\"}");
        String standby = charon.testsupport.Http.get(api().resolve("active-view/")).headers().firstValue("X-Charon-Version").orElseThrow();
        awaitTrue(speaker, "the view change heard", d -> heardAt(d) > 0);

        display.navigate().refresh(); // a display that connects after the alert
        awaitTrue(display, "the display back at the current version", d -> "live".equals(bodyData(d, "connection"))
                && standby.equals(bodyData(d, "version")));
        assertTrue(!exists(display, "alert-cue"), "an alert fired before a display connected is not replayed");
    }

    /**
     * Issue 20: a muted speaker stays silent but shows the cue, and remembers its mute and volume; a display whose
     * browser blocks autoplay asks for one tap ("ENABLE SOUND", blinking when an alert comes) instead of failing silently.
     */
    @Test
    @Order(7)
    void aMutedDisplayStaysSilentButShowsTheCueAndABlockedOneAsksForOneTap() throws Exception {
        click(speaker, "sound-toggle");
        awaitTrue(speaker, "the speaker muted", d -> "off".equals(bodyData(d, "sound")));
        assertEquals("off graph", listen(speaker));
        awaitTrue(speaker, "quiet once muted", d -> quietFor(d, 300));
        listen(speaker); // from here on: nothing may sound
        long sequence = gm.ok("gm/sound/alert/", "{\"sound\":\"hull-breach\"}").getJsonNumber("sequence").longValue();
        awaitTrue(speaker, "the cue on the muted speaker", d -> cueShown(d, "hull-breach")
                && String.valueOf(sequence).equals(attr(d, "alert-cue", "data-sequence")));
        awaitTrue(speaker, "the cue shown for half a second", d -> Boolean.TRUE.equals(js(d,
                "const c = document.querySelector('[data-testid=alert-cue]'); return performance.now() - Number(c.dataset.shownAt) > 500;")));
        double loudest = ((Number) js(speaker, "return window.__audio.loudest;")).doubleValue();
        assertTrue(loudest < 1e-4, "the muted display was silent: peak " + loudest);

        js(speaker, "const v = document.querySelector('[data-testid=sound-volume]'); v.value = '30'; v.dispatchEvent(new Event('input'));");
        speaker.navigate().refresh();
        awaitTrue(speaker, "still muted after a reload", d -> "live".equals(bodyData(d, "connection")) && "off".equals(bodyData(d, "sound")));
        click(speaker, "sound-toggle");
        awaitTrue(speaker, "sound on again, at the volume it was given", d -> "on".equals(bodyData(d, "sound"))
                && "30".equals(js(d, "return document.querySelector('[data-testid=sound-volume]').value;")));

        // the ambience of the view shown, at the GM's level; silenced by the GM
        gm.ok("gm/sound/ambience/", "{\"view_type\":\"STANDBY\",\"ambience\":\"engine-hum\"}");
        gm.ok("gm/sound/level/", "{\"level\":60}");
        listen(speaker);
        awaitTrue(speaker, "the engine hum heard on STANDBY", d -> heardAt(d) > 0);
        gm.ok("gm/sound/ambience/", "{\"view_type\":\"STANDBY\",\"ambience\":\"silence\"}");
        awaitTrue(speaker, "silence once the GM silenced it", d -> quietFor(d, 500));

        // a speaker whose browser keeps audio suspended until a tap (a fresh one: no page of this site was ever touched)
        WebDriver tablet = browser("tablet");
        try {
            tablet.get(page("terminal/?speaker=1"));
            awaitTrue(tablet, "one tap asked for", d -> "blocked".equals(bodyData(d, "sound")) && shown(d, "sound-enable"));
            click(console, "tab-sound");
            click(console, "sound-alert-proximity-alarm"); // the GM's button on the console's SOUND tab
            awaitTrue(tablet, "the cue, and the button calls for the tap", d -> cueShown(d, "proximity-alarm")
                    && attr(d, "sound-enable", "class").contains("attention"));
            click(tablet, "sound-enable");
            awaitTrue(tablet, "sound on after one tap", d -> "on".equals(bodyData(d, "sound")) && !shown(d, "sound-enable"));
        } finally {
            tablet.quit();
        }
    }

    /** Starts (again) listening to the page's audio graph; answers the sound status and whether a graph exists. */
    private static String listen(WebDriver d) {
        return (String) ((JavascriptExecutor) d).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import(new URL('../static/js/sound.js', location.href).href).then(m => {
                  const probe = m.soundProbe();
                  if (window.__audio) clearInterval(window.__audio.timer);
                  const a = window.__audio = { heardAt: 0, loudest: 0, quietSince: performance.now(), timer: 0 };
                  if (!probe.analyser) { done(probe.status + ' none'); return; }
                  const buf = new Float32Array(probe.analyser.fftSize);
                  a.timer = setInterval(() => {
                    probe.analyser.getFloatTimeDomainData(buf);
                    let peak = 0;
                    for (let i = 0; i < buf.length; i++) peak = Math.max(peak, Math.abs(buf[i]));
                    a.loudest = Math.max(a.loudest, peak);
                    if (peak > 0.01) { if (!a.heardAt) a.heardAt = Date.now(); a.quietSince = performance.now(); }
                  }, 2);
                  done(probe.status + ' graph');
                }).catch(e => done('error ' + e));
                """);
    }

    private static long heardAt(WebDriver d) {
        return ((Number) js(d, "return window.__audio ? window.__audio.heardAt : 0;")).longValue();
    }

    private static boolean quietFor(WebDriver d, long millis) {
        return Boolean.TRUE.equals(js(d, "return performance.now() - window.__audio.quietSince > arguments[0];", millis));
    }

    private static boolean cueShown(WebDriver d, String sound) {
        return shown(d, "alert-cue") && sound.equals(attr(d, "alert-cue", "data-sound"));
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

    /**
     * The galley-cryo door, drawn on the revealed vault's side, OPEN. Its id on a display is opaque while the galley
     * is hidden (issue 15: the connection id names both rooms), so it is found by its status, not its id.
     */
    private static boolean openDoorShown(WebDriver d) {
        return Boolean.TRUE.equals(js(d, "return !!document.querySelector('[data-testid^=\"door-\"][data-status=\"OPEN\"]')"));
    }

    private static ChromeDriver browser(String name, String... extraArguments) throws IOException {
        List<String> arguments = new java.util.ArrayList<>(List.of("--disable-gpu", "--window-size=1600,900"));
        arguments.addAll(List.of(extraArguments));
        return Pages.chromium(DATA, name, arguments.toArray(String[]::new));
    }

    private static void click(WebDriver d, String id) {
        Pages.click(d, id, WAIT);
    }

    private static void awaitTrue(WebDriver d, String what, Function<WebDriver, Boolean> condition) {
        Pages.awaitTrue(d, what, WAIT, condition);
    }
}
