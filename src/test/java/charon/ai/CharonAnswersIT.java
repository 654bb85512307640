package charon.ai;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import charon.testsupport.CapturedLog;
import charon.testsupport.Deployments;
import charon.testsupport.Eventually;
import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.Session;
import charon.testsupport.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CHARON answers end to end in the real WAR (embedded Tomcat, real HTTP and SSE, SQLite), with the OpenAI-compatible
 * client talking to {@link FakeModelServer}: a player's query becomes a draft the GM alone watches being written,
 * approves, edits, regenerates or rejects; auto-answer; the legacy endpoints; faults; the key nowhere to be seen.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CharonAnswersIT {

    static final String KEY = "sk-it-SECRET-1234";
    static final String ANSWER = "FORTY TONNES OF SALT ORE.";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "answers-" + System.nanoTime());
    static final String CHANNEL = "encounter-msv_caldera_wren";
    static FakeModelServer model;
    static CapturedLog log;

    @ArquillianResource
    URL base;
    Session gm;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        model = new FakeModelServer().answer("FORTY TONNES ", "OF SALT ORE.");
        System.setProperty("charon.ai.provider", "openai");
        System.setProperty("charon.ai.base.url", model.baseUrl("openai"));
        System.setProperty("charon.ai.model", "fake-model");
        System.setProperty("charon.ai.api.key", KEY);
        System.setProperty("charon.ai.timeout.seconds", "20");
        log = CapturedLog.of("");
        return Deployments.onFixtureDatabaseWithLocalModel("answers", DATA, "30");
    }

    @AfterAll
    static void stop() {
        for (String p : new String[]{"charon.ai.provider", "charon.ai.base.url", "charon.ai.model", "charon.ai.api.key", "charon.ai.timeout.seconds"}) {
            System.clearProperty(p);
        }
        model.close();
        log.close();
    }

    URI api() {
        return URI.create(base.toString()).resolve("api/");
    }

    @BeforeEach
    void login() throws Exception {
        gm = Session.gm(api());
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"msv_caldera_wren\"}");
        model.behave(FakeModelServer.Behaviour.ANSWER);
    }

    SseClient gmStream() throws Exception {
        SseClient stream = SseClient.open(api().resolve("gm/charon/drafts/stream/"), gm.cookieHeader());
        assertEquals(200, stream.status());
        stream.next("drafts", WAIT);
        return stream;
    }

    /** The GM stream's draft events until the draft {@code id} reaches {@code status}; returns that draft. */
    static JsonObject until(SseClient stream, String id, String status, StringBuilder seen) throws Exception {
        while (true) {
            JsonObject event = JsonText.object(stream.next("draft", WAIT).data());
            JsonObject draft = event.getJsonObject("draft");
            if (draft.getString("pending_id").equals(id)) {
                seen.append(draft.getString("status")).append(':').append(draft.getString("response")).append('\n');
                if (draft.getString("status").equals(status)) {
                    return draft;
                }
            }
        }
    }

    String submit(String channel, String query) throws Exception {
        HttpResponse<String> response = Http.post(api().resolve("charon/" + channel + "/submit/"), "{\"query\":\"" + query + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return JsonText.object(response.body()).getString("pending_id");
    }

    @Test
    void aQueryIsDraftedForTheGmOnlyAndReachesPlayersWhenApproved() throws Exception {
        try (SseClient console = gmStream(); SseClient display = SseClient.open(api().resolve("active-view/stream/"))) {
            display.next("activeview", WAIT);
            // the rooms of a new encounter start hidden: what players cannot see, CHARON is not told
            String hidden = submit(CHANNEL, "What is stored in the cargo hold?");
            until(console, hidden, "READY", new StringBuilder());
            String unseen = JsonText.object(gm.get("gm/charon/" + CHANNEL + "/pending/" + hidden + "/sent/").body()).getString("sent_text");
            assertFalse(unseen.contains("Forty tonnes of salt ore"), unseen);
            gm.ok("gm/charon/" + CHANNEL + "/reject/", "{\"pending_id\":\"" + hidden + "\"}");
            display.next("charon", WAIT);
            gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"wren_hold\",\"visible\":true}");

            String id = submit(CHANNEL, "What is stored in the cargo hold?");
            StringBuilder seen = new StringBuilder();
            JsonObject ready = until(console, id, "READY", seen);
            assertEquals(ANSWER, ready.getString("response"));
            assertTrue(seen.toString().contains("GENERATING:FORTY TONNES \n"), "streamed to the GM as written: " + seen);
            assertEquals(FakeModelServer.TOKENS_IN, ready.getInt("tokens_in"));
            assertEquals(FakeModelServer.TOKENS_OUT, ready.getInt("tokens_out"));

            JsonObject asked = JsonText.object(display.next("charon", WAIT).data());
            assertEquals("user", asked.getJsonObject("message").getString("role"));
            assertFalse(display.state().contains("FORTY TONNES"), "no draft text on a display before approval");

            JsonObject pending = JsonText.object(gm.get("gm/charon/" + CHANNEL + "/pending/").body());
            assertEquals(CHANNEL, pending.getString("channel"));
            assertEquals(1, pending.getInt("count"));
            assertEquals(id, pending.getJsonArray("pending").getJsonObject(0).getString("pending_id"));

            JsonObject sent = JsonText.object(gm.get("gm/charon/" + CHANNEL + "/pending/" + id + "/sent/").body());
            assertTrue(sent.getString("sent_text").contains("Forty tonnes of salt ore in mesh bags"), sent.getString("sent_text"));
            assertTrue(sent.getString("sent_text").contains("What is stored in the cargo hold?"));
            assertTrue(model.received().stream().anyMatch(r -> r.body().contains("Forty tonnes of salt ore in mesh bags")));

            JsonObject approved = gm.ok("gm/charon/" + CHANNEL + "/approve/", "{\"pending_id\":\"" + id + "\",\"modified_content\":\"SALT ORE. FORTY TONNES.\"}");
            JsonObject answered = JsonText.object(display.next("charon", WAIT).data());
            JsonObject line = answered.getJsonObject("message"); // the new line only (issue 15: no whole conversation)
            assertEquals("charon", line.getString("role"));
            assertEquals("SALT ORE. FORTY TONNES.", line.getString("content"));
            assertEquals(approved.getString("message_id"), line.getString("message_id"));
            assertEquals(0, JsonText.object(gm.get("gm/charon/" + CHANNEL + "/pending/").body()).getInt("count"));
            assertEquals(404, gm.post("gm/charon/" + CHANNEL + "/approve/", "{\"pending_id\":\"" + id + "\"}").statusCode());
        }
    }

    @Test
    void rejectRegenerateAndTheLegacyEndpoints() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}"); // displays ask on the channel the GM's view opens
        try (SseClient console = gmStream()) {
            String id = submit("bridge", "Is the reactor shielding safe?");
            until(console, id, "READY", new StringBuilder());
            int calls = model.received().size();
            gm.ok("gm/charon/bridge/regenerate/", "{\"pending_id\":\"" + id + "\"}");
            until(console, id, "READY", new StringBuilder());
            assertEquals(calls + 1, model.received().size(), "another draft asks the model again");
            gm.ok("gm/charon/bridge/reject/", "{\"pending_id\":\"" + id + "\"}");
            HttpResponse<String> again = gm.post("gm/charon/bridge/reject/", "{\"pending_id\":\"" + id + "\"}");
            assertEquals(404, again.statusCode());
            assertEquals("Pending response not found", JsonText.object(again.body()).getString("error"));

            String own = gm.ok("gm/charon/generate/", "{\"prompt\":\"Announce docking at Tallow Station\"}").getString("pending_id");
            until(console, own, "READY", new StringBuilder());
            JsonObject legacy = JsonText.object(gm.get("gm/charon/pending/").body());
            assertEquals("default", legacy.getString("channel"));
            assertEquals(1, legacy.getInt("count"));
            assertEquals("", legacy.getJsonArray("pending").getJsonObject(0).getString("query_id"), "the GM's own prompt has no player query");
            gm.ok("gm/charon/approve/", "{\"pending_id\":\"" + own + "\"}");
            JsonArray conversation = JsonText.object(Http.get(api().resolve("charon/conversation/")).body()).getJsonArray("messages");
            assertEquals(ANSWER, conversation.getJsonObject(conversation.size() - 1).getString("content"));
        }
    }

    @Test
    void autoAnswerSendsWithoutTheGmAndIsShownOnTheConsole() throws Exception {
        gm.ok("gm/charon/story/auto-answer/", "{\"on\":true}");
        try {
            assertTrue(JsonText.object(gm.get("gm/charon/ai/").body()).getJsonArray("auto_answer").getString(0).equals("story"));
            assertTrue(JsonText.object(gm.get("gm/charon/story/pending/").body()).getBoolean("auto_answer"));
            gm.ok("gm/switch-view/", "{\"view_type\":\"CHARON_TERMINAL\"}");
            submit("story", "What is in the drone bay?");
            Eventually.await("answered on its own", WAIT, () -> {
                try {
                    JsonArray m = JsonText.object(Http.get(api().resolve("charon/story/conversation/")).body()).getJsonArray("messages");
                    return m.size() >= 2 && m.getJsonObject(m.size() - 1).getString("role").equals("charon");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            gm.ok("gm/charon/story/auto-answer/", "{\"on\":false}");
        }
    }

    @Test
    void aFaultLeavesAReasonAndTheGmAnswersByHand() throws Exception {
        model.behave(FakeModelServer.Behaviour.RATE_LIMITED);
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"tallow_station\"}");
        try (SseClient console = gmStream()) {
            String id = submit("encounter-tallow_station", "Who runs customs?");
            JsonObject failed = until(console, id, "FAILED", new StringBuilder());
            assertTrue(failed.getString("reason").contains("429"), failed.getString("reason"));
            assertEquals(400, gm.post("gm/charon/encounter-tallow_station/approve/", "{\"pending_id\":\"" + id + "\"}").statusCode(),
                    "nothing to approve without an answer");
            gm.ok("gm/charon/encounter-tallow_station/approve/", "{\"pending_id\":\"" + id + "\",\"modified_content\":\"INSPECTOR VARGA.\"}");
            assertEquals(0, JsonText.object(gm.get("gm/charon/encounter-tallow_station/pending/").body()).getInt("count"));
        }
    }

    @Test
    void onlyTheGmAndClearRefusals() throws Exception {
        assertEquals(401, Http.get(api().resolve("gm/charon/story/pending/")).statusCode());
        assertEquals(401, Http.get(api().resolve("gm/charon/ai/")).statusCode());
        try (SseClient anonymous = SseClient.open(api().resolve("gm/charon/drafts/stream/"))) {
            assertEquals(401, anonymous.status());
        }
        assertEquals(401, Http.post(api().resolve("gm/charon/story/generate/"), "{\"prompt\":\"x\"}").statusCode());
        String[][] refused = {
                {"gm/charon/story/generate/", "{\"prompt\":\"  \"}", "Prompt required"},
                {"gm/charon/story/approve/", "{}", "pending_id is required"},
                {"gm/charon/story/reject/", "{\"pending_id\":3}", "pending_id must be a string"},
                {"gm/charon/story/auto-answer/", "{}", "on (true or false) required"},
                {"gm/charon/bad channel!/generate/", "{\"prompt\":\"x\"}", "Invalid channel name"},
        };
        for (String[] r : refused) {
            HttpResponse<String> response = gm.post(r[0].replace(" ", "%20"), r[1]);
            assertEquals(400, response.statusCode(), r[0] + " " + response.body());
            assertEquals(r[2], JsonText.object(response.body()).getString("error"));
        }
        assertEquals(0, JsonText.object(gm.get("gm/charon/story/pending/").body()).getInt("count"), "refusals change nothing");
    }

    @Test
    void theConsoleSeesTheProviderTestsTheConnectionAndTheKeyIsNowhere() throws Exception {
        try (SseClient console = gmStream()) {
            String status = gm.get("gm/charon/ai/").body();
            JsonObject ai = JsonText.object(status);
            assertEquals("openai", ai.getString("provider"));
            assertEquals("fake-model", ai.getString("model"));
            assertTrue(ai.getBoolean("key_set"));
            assertFalse(status.contains(KEY));
            gm.ok("gm/charon/ai/test/", "{}");
            JsonObject check = JsonText.object(console.next("ai-test", WAIT).data());
            assertTrue(check.getBoolean("ok"), check.toString());
            assertTrue(model.received().stream().anyMatch(r -> ("Bearer " + KEY).equals(r.header("Authorization"))));
        }
        String backup = new String(gm.getBytes("gm/backup/database").body(), StandardCharsets.ISO_8859_1);
        assertFalse(backup.contains(KEY), "key in the database backup");
        assertFalse(gm.get("gm/backup/messages").body().contains(KEY));
        assertFalse(gm.get("gm/charon/" + CHANNEL + "/pending/").body().contains(KEY));
        for (var record : log.records()) {
            assertFalse(String.valueOf(record.getMessage()).contains(KEY), record.getMessage());
            assertFalse(String.valueOf(record.getThrown()).contains(KEY));
        }
    }
}
