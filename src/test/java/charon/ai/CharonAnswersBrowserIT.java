package charon.ai;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import charon.testsupport.Deployments;
import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.Pages;
import charon.testsupport.Session;

import static charon.testsupport.Pages.exists;
import static charon.testsupport.Pages.js;
import static charon.testsupport.Pages.testid;
import static charon.testsupport.Pages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's CHARON answers in real headless Chromium against the real server and an in-test model server: the
 * draft appears as written with its tokens, the GM edits and approves it, views the sent text, switches auto-answer
 * (a banner says so), drafts from a prompt and rejects it, and answers by hand a draft that failed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CharonAnswersBrowserIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "ai-browser-" + System.nanoTime());
    static FakeModelServer model;
    static WebDriver console;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        model = new FakeModelServer().answer("FORTY TONNES ", "OF SALT ORE.");
        System.setProperty("charon.ai.provider", "openai");
        System.setProperty("charon.ai.base.url", model.baseUrl("openai"));
        System.setProperty("charon.ai.model", "fake-model");
        System.setProperty("charon.ai.api.key", "sk-browser-SECRET");
        return Deployments.onFixtureDatabaseWithLocalModel("aibrowser", DATA, "30");
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.quit();
        }
        for (String p : new String[]{"charon.ai.provider", "charon.ai.base.url", "charon.ai.model", "charon.ai.api.key"}) {
            System.clearProperty(p);
        }
        model.close();
    }

    String submit(String query) throws Exception {
        return JsonText.object(Http.post(URI.create(base.toString()).resolve("api/charon/story/submit/"), "{\"query\":\"" + query + "\"}").body()).getString("pending_id");
    }

    @Test
    void theGmWorksDraftsOnTheConsole() throws Exception {
        Session gm = Session.gm(URI.create(base.toString()).resolve("api/"));
        gm.ok("gm/switch-view/", "{\"view_type\":\"CHARON_TERMINAL\"}");
        console = browser();
        console.get(base + "gmconsole/");
        awaitTrue("login page", d -> exists(d, "login-username"));
        console.findElement(testid("login-username")).sendKeys("gm");
        console.findElement(testid("login-password")).sendKeys("gm-pass-123");
        console.findElement(testid("login-submit")).click();
        awaitTrue("console live", d -> "live".equals(js(d, "return document.body.dataset.connection ?? null")));
        click("tab-charon");
        awaitTrue("provider shown", d -> text(d, "ai-provider").startsWith("OPENAI • fake-model"));

        String id = submit("What is in the cargo hold?");
        awaitTrue("draft written on the console", d -> text(d, "pending-text-" + id).equals("FORTY TONNES OF SALT ORE.")
                && text(d, "pending-state-" + id).contains("TOKENS 321 IN / 12 OUT"));
        click("pending-show-sent-" + id);
        awaitTrue("sent text shown", d -> text(d, "pending-sent-" + id).startsWith("[system]") && text(d, "pending-sent-" + id).contains("What is in the cargo hold?"));
        WebElement draft = console.findElement(testid("pending-text-" + id));
        draft.clear();
        draft.sendKeys("SALT ORE. FORTY TONNES.");
        shot("charon-ai-draft");
        click("pending-approve-" + id);
        awaitTrue("edited answer in the conversation", d -> text(d, "gm-charon-log").contains("SALT ORE. FORTY TONNES.") && !exists(d, "pending-" + id));

        click("ai-auto");
        awaitTrue("auto-answer banner", d -> isShown(d, "ai-auto-banner") && text(d, "ai-auto").equals("AUTO-ANSWER: ON"));
        shot("charon-ai-auto-answer");
        click("ai-auto");
        awaitTrue("auto-answer off", d -> !isShown(d, "ai-auto-banner") && text(d, "ai-auto").equals("AUTO-ANSWER: OFF"));

        console.findElement(testid("ai-prompt")).sendKeys("Announce the docking fee");
        click("ai-generate");
        awaitTrue("GM prompt drafted", d -> Boolean.TRUE.equals(js(d, "return [...document.querySelectorAll('.pending .meta')].some(m => m.textContent === 'GM PROMPT: Announce the docking fee')")));
        String own = (String) js(console, "return [...document.querySelectorAll('.pending')].find(p => p.textContent.includes('GM PROMPT: Announce')).dataset.testid.slice(8)");
        awaitTrue("GM draft ready", d -> text(d, "pending-state-" + own).startsWith("READY"));
        click("pending-reject-" + own);
        awaitTrue("rejected", d -> !exists(d, "pending-" + own));
        drawListFetchedEarlier(own, "READY", 1);
        assertFalse(exists(console, "pending-" + own), "a list fetched before the rejection does not bring the draft back");

        model.behave(FakeModelServer.Behaviour.RATE_LIMITED);
        String failed = submit("Who runs the customs hall?");
        awaitTrue("reason shown", d -> text(d, "pending-state-" + failed).contains("429"));
        drawListFetchedEarlier(failed, "GENERATING", 1);
        assertTrue(text(console, "pending-state-" + failed).contains("429"), "a list fetched before the failure does not undo it");
        shot("charon-ai-failed");
        console.findElement(testid("pending-text-" + failed)).sendKeys("INSPECTOR VARGA.");
        click("pending-approve-" + failed);
        awaitTrue("hand answer sent", d -> text(d, "gm-charon-log").contains("INSPECTOR VARGA.") && !exists(d, "pending-" + failed));
        assertEquals(0, JsonText.object(gm.get("gm/charon/story/pending/").body()).getInt("count"));
    }

    /**
     * What the console does when its HTTP fetch of the pending list answers after newer changes came on the GM's
     * stream (a race seen under load): draws that older list, here with {@code pendingId} at an old revision.
     */
    static void drawListFetchedEarlier(String pendingId, String status, long revision) {
        ((JavascriptExecutor) console).executeAsyncScript("""
                const [id, status, revision, done] = arguments;
                import(new URL('../static/js/charon-ai.js', document.baseURI).href).then(m => {
                  m.renderPending(document.getElementById('charon-pending'), 'story',
                    [{ pending_id: id, query_id: 'q', channel: 'story', query: 'earlier', response: '', status, revision }]);
                  done();
                });""", pendingId, status, revision);
    }

    static ChromeDriver browser() throws Exception {
        return Pages.chromium(DATA, "answers", "--disable-gpu", "--window-size=1600,1000");
    }

    static boolean isShown(WebDriver d, String id) {
        return Boolean.TRUE.equals(js(d, "const e = document.querySelector('[data-testid=\"' + arguments[0] + '\"]'); return !!e && !e.hidden && e.getClientRects().length > 0;", id));
    }

    static void click(String id) {
        awaitTrue("clickable " + id, d -> {
            WebElement e = d.findElement(testid(id));
            if (!e.isDisplayed() || !e.isEnabled()) {
                return false;
            }
            js(d, "arguments[0].scrollIntoView({block:'center'})", e);
            e.click();
            return true;
        });
    }

    static void awaitTrue(String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(console, WAIT).pollingEvery(Duration.ofMillis(20))
                .ignoring(StaleElementReferenceException.class).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)   // a toast over the button: try again
                .withMessage(what).until(condition);
    }

    static void shot(String name) throws Exception {
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", name + ".png"), ((TakesScreenshot) console).getScreenshotAs(OutputType.BYTES));
    }
}
