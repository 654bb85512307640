package charon.ai;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.CopyOnWriteArrayList;

import charon.json.Json;
import charon.testsupport.Eventually;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real LangChain4j clients of each provider against {@link FakeModelServer} on 127.0.0.1: what is sent
 * (persona, retrieved knowledge, the query, the key only in its header; nothing of a place not reached), the
 * answer streamed into the pending draft with its tokens, and the same query twice billed once.
 */
class ProviderWireTest {

    static final String KEY = "sk-test-SECRET-4711";
    static final String QUESTION = "What is stored in the cargo hold?";
    static final Duration WAIT = Duration.ofSeconds(20);

    FakeModelServer server;
    AnswersHarness harness;
    final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start(TestInfo test) throws Exception {
        Logger.getLogger("").addHandler(capture);
        server = new FakeModelServer().answer("FORTY TONNES ", "OF SALT ORE", ". IN MESH BAGS.");
        harness = new AnswersHarness(Path.of("target/ai-tests", test.getDisplayName().replaceAll("\\W", "_") + System.nanoTime()));
    }

    @AfterEach
    void stop() {
        harness.close();
        server.close();
        Logger.getLogger("").removeHandler(capture);
    }

    Draft ask(String channel, String question) throws InterruptedException {
        Draft draft = harness.answers.generate(channel, question, null);
        Eventually.await("draft finished", WAIT, () -> harness.drafts.get(channel, draft.pendingId()).status() != Draft.Status.GENERATING);
        return harness.drafts.get(channel, draft.pendingId());
    }

    void assertAnsweredAndSent(String provider, String path) throws InterruptedException {
        Draft draft = ask("encounter-msv_caldera_wren", QUESTION);
        assertEquals(Draft.Status.READY, draft.status(), draft.reason());
        assertEquals("FORTY TONNES OF SALT ORE. IN MESH BAGS.", draft.response());
        assertEquals(FakeModelServer.TOKENS_IN, draft.tokensIn());
        assertEquals(FakeModelServer.TOKENS_OUT, draft.tokensOut());
        assertEquals(FakeModelServer.TOKENS_IN + FakeModelServer.TOKENS_OUT, harness.budget.usedToday());

        assertEquals(1, server.received().size());
        FakeModelServer.Received sent = server.received().get(0);
        assertEquals("POST", sent.method());
        assertEquals(path, sent.path());
        assertTrue(sent.body().contains("ship's computer of the freighter MSV Caldera Wren"), "persona: " + sent.body());
        assertTrue(sent.body().contains("Forty tonnes of salt ore in mesh bags"), "retrieved room: " + sent.body());
        assertTrue(sent.body().contains(QUESTION), "query");
        assertFalse(sent.body().contains("CONCOURSE"), "a room of Tallow Station, not reached");
        assertFalse(sent.body().contains("Arm C takes bulk haulers"), "lore of Tallow Station, not reached");
        assertFalse(sent.body().contains(KEY), "key in the body");
        assertTrue(draft.sentText().contains("Forty tonnes of salt ore in mesh bags"), "sent text kept for the GM");
        assertTrue(sent.body().contains(jsonText(draft.sentText().substring(draft.sentText().indexOf("[system]\n") + 9, 60))), "the GM sees what was sent");

        assertFalse(Json.write(draft.listed()).contains(KEY));
        assertFalse(Json.write(draft).contains(KEY));
        for (LogRecord record : logged) {
            assertFalse(String.valueOf(record.getMessage()).contains(KEY), "key in a log line: " + record.getMessage());
            assertFalse(String.valueOf(record.getThrown()).contains(KEY), "key in a logged exception");
        }
        assertTrue(harness.events.stream().anyMatch(e -> e.draft().status() == Draft.Status.GENERATING && !e.draft().response().isEmpty()),
                "the draft was pushed while it was being written");
    }

    private static String jsonText(String text) {
        String quoted = FakeModelServer.quote(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    @Test
    void anthropicMessagesStreaming() throws Exception {
        AnswersHarness.settings("anthropic", server.baseUrl("anthropic"), KEY);
        assertAnsweredAndSent("anthropic", "/v1/messages");
        FakeModelServer.Received sent = server.received().get(0);
        assertEquals(KEY, sent.header("x-api-key"));
        assertTrue(sent.body().replaceAll("\\s", "").contains("\"stream\":true"), sent.body());
    }

    @Test
    void openAiCompatibleChatCompletionsStreaming() throws Exception {
        AnswersHarness.settings("openai", server.baseUrl("openai"), KEY);
        assertAnsweredAndSent("openai", "/v1/chat/completions");
        FakeModelServer.Received sent = server.received().get(0);
        assertEquals("Bearer " + KEY, sent.header("Authorization"));
        assertTrue(sent.body().replaceAll("\\s", "").contains("\"stream\":true"), sent.body());
    }

    @Test
    void ollamaChatStreaming() throws Exception {
        AnswersHarness.settings("ollama", server.baseUrl("ollama"), null);
        assertAnsweredAndSent("ollama", "/api/chat");
        FakeModelServer.Received sent = server.received().get(0);
        assertNull(sent.header("Authorization"));
        assertTrue(sent.body().replaceAll("\\s", "").contains("\"model\":\"fake-model\""), sent.body());
    }

    @Test
    void theSameQueryTwiceIsBilledOnce() throws Exception {
        AnswersHarness.settings("openai", server.baseUrl("openai"), KEY);
        Draft first = ask("encounter-msv_caldera_wren", QUESTION);
        Draft second = ask("encounter-msv_caldera_wren", QUESTION);
        assertEquals(1, server.received().size(), "one call for two identical queries");
        assertEquals(Draft.Status.READY, second.status(), second.reason());
        assertEquals(first.response(), second.response());
        assertEquals(first.pendingId(), second.reusedFrom());
        assertEquals(0, second.tokensIn());
        assertEquals(FakeModelServer.TOKENS_IN + FakeModelServer.TOKENS_OUT, harness.budget.usedToday());

        harness.answers.regenerate("encounter-msv_caldera_wren", second.pendingId());
        Eventually.await("regenerated", WAIT, () -> server.received().size() == 2
                && harness.drafts.get("encounter-msv_caldera_wren", second.pendingId()).status() == Draft.Status.READY);
        assertEquals(FakeModelServer.TOKENS_IN, harness.drafts.get("encounter-msv_caldera_wren", second.pendingId()).tokensIn(),
                "asking for another draft asks the model again");
    }
}
