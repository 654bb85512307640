package charon.ai;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import charon.testsupport.Eventually;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults never stop the table: each ends the draft FAILED with a one-line reason the GM reads (and the GM can still
 * answer by hand), for every provider's client; none is billed, none is remembered as an answer.
 */
class ProviderFaultsTest {

    static final String KEY = "sk-test-SECRET-0815";
    static final Duration WAIT = Duration.ofSeconds(20);

    FakeModelServer server;
    AnswersHarness harness;

    @BeforeEach
    void start(TestInfo test) throws Exception {
        server = new FakeModelServer();
        harness = new AnswersHarness(Path.of("target/ai-tests", test.getDisplayName().replaceAll("\\W", "_") + System.nanoTime()));
    }

    @AfterEach
    void stop() {
        harness.close();
        server.close();
    }

    Draft failed(String provider, FakeModelServer.Behaviour behaviour) throws InterruptedException {
        AnswersHarness.settings(provider, server.baseUrl(provider), KEY);
        server.behave(behaviour);
        Draft draft = harness.answers.generate("bridge", "Status of the reactor?", null);
        Eventually.await("draft ended", WAIT, () -> harness.drafts.get("bridge", draft.pendingId()).status() != Draft.Status.GENERATING);
        Draft ended = harness.drafts.get("bridge", draft.pendingId());
        assertEquals(Draft.Status.FAILED, ended.status(), ended.response());
        assertFalse(ended.reason().isBlank());
        assertFalse(ended.reason().contains("\n"), ended.reason());
        assertFalse(ended.reason().contains(KEY), ended.reason());
        assertTrue(ended.reason().length() <= FaultReasons.MAX_LENGTH, ended.reason());
        assertEquals(0, harness.budget.usedToday(), "a failed call is not counted");
        return ended;
    }

    @ParameterizedTest
    @ValueSource(strings = {"anthropic", "openai", "ollama"})
    void timeout(String provider) throws Exception {
        System.setProperty("charon.ai.timeout.seconds", "1");
        Draft draft = failed(provider, FakeModelServer.Behaviour.STALL);
        assertTrue(draft.reason().contains("timeout"), draft.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"anthropic", "openai", "ollama"})
    void rateLimited(String provider) throws Exception {
        Draft draft = failed(provider, FakeModelServer.Behaviour.RATE_LIMITED);
        assertTrue(draft.reason().contains("429"), draft.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"anthropic", "openai", "ollama"})
    void serverError(String provider) throws Exception {
        Draft draft = failed(provider, FakeModelServer.Behaviour.SERVER_ERROR);
        assertTrue(draft.reason().contains("500"), draft.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"anthropic", "openai", "ollama"})
    void malformedStream(String provider) throws Exception {
        Draft draft = failed(provider, FakeModelServer.Behaviour.MALFORMED);
        assertTrue(draft.reason().contains(provider), draft.reason());
        // the next good answer is not shadowed by the failure
        server.behave(FakeModelServer.Behaviour.ANSWER).answer("REACTOR HAZARD.");
        harness.answers.regenerate("bridge", draft.pendingId());
        Eventually.await("answered after a fault", WAIT, () -> harness.drafts.get("bridge", draft.pendingId()).status() == Draft.Status.READY);
    }

    @Test
    void unreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AnswersHarness.settings("openai", "http://127.0.0.1:" + port + "/v1", KEY);
        Draft draft = harness.answers.generate("bridge", "Status?", null);
        Eventually.await("draft ended", WAIT, () -> harness.drafts.get("bridge", draft.pendingId()).status() == Draft.Status.FAILED);
        assertTrue(harness.drafts.get("bridge", draft.pendingId()).reason().startsWith("Cannot reach openai"),
                harness.drafts.get("bridge", draft.pendingId()).reason());
    }

    @Test
    void offAndOverTheCapNeverCallTheModel() throws Exception {
        System.clearProperty("charon.ai.provider");
        Draft off = harness.answers.generate("bridge", "Status?", null);
        Eventually.await("off", WAIT, () -> harness.drafts.get("bridge", off.pendingId()).status() == Draft.Status.FAILED);
        assertTrue(harness.drafts.get("bridge", off.pendingId()).reason().startsWith("CHARON AI is off"));

        AnswersHarness.settings("openai", server.baseUrl("openai"), KEY);
        System.setProperty("charon.ai.daily.token.cap", "100");
        harness.budget.add(100);
        Draft capped = harness.answers.generate("bridge", "Status?", null);
        Eventually.await("capped", WAIT, () -> harness.drafts.get("bridge", capped.pendingId()).status() == Draft.Status.FAILED);
        assertTrue(harness.drafts.get("bridge", capped.pendingId()).reason().startsWith("Daily token cap reached (100 of 100"),
                harness.drafts.get("bridge", capped.pendingId()).reason());
        assertEquals(0, server.received().size());
    }
}
