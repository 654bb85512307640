package charon.ai;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drafts answers off the request threads: builds the prompt, streams the model's answer into the pending entry,
 * and turns every fault (off, unreachable, timeout, 429, over the cap, nonsense) into the entry's one-line reason.
 * A prompt already answered (or being answered) is not sent again: its draft shares that call.
 */
@ApplicationScoped
public class DraftGenerator {

    private static final Logger LOG = Logger.getLogger(DraftGenerator.class.getName());
    /** Answers kept for re-use: a table asks a few hundred questions a night. */
    static final int REMEMBERED_ANSWERS = 500;

    @Inject
    AiConfig config;
    @Inject
    CharonKnowledge knowledge;
    @Inject
    DraftStore drafts;
    @Inject
    TokenBudget budget;

    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "charon-drafts");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Generation> generations = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Generation> eldest) {
            return size() > REMEMBERED_ANSWERS;
        }
    };

    /** Starts drafting in the background; {@code fresh} asks the model again even for a prompt it answered. */
    void start(Draft draft, boolean fresh, Consumer<Draft> whenReady) {
        workers.execute(() -> {
            try {
                run(draft, fresh, whenReady);
            } catch (RuntimeException | LinkageError e) {
                // e.g. the embedding model's native library refused (loaded by an earlier deployment in this JVM)
                LOG.log(Level.WARNING, "Draft " + draft.pendingId() + " failed", e);
                String reason = FaultReasons.line("Draft failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), AiSettings.OFF);
                drafts.update(draft.channel(), draft.pendingId(), d -> d.failed(reason));
            }
        });
    }

    private void run(Draft draft, boolean fresh, Consumer<Draft> whenReady) {
        AiSettings settings;
        try {
            settings = config.current();
        } catch (IllegalArgumentException e) {
            fail(draft, e.getMessage());
            return;
        }
        if (!settings.enabled()) {
            fail(draft, "CHARON AI is off (no charon.ai.provider set): answer by hand");
            return;
        }
        if (budget.exhausted(settings.dailyTokenCap())) {
            fail(draft, "Daily token cap reached (" + budget.usedToday() + " of " + settings.dailyTokenCap() + " tokens used today): answer by hand");
            return;
        }
        Prompt prompt = knowledge.prompt(draft.channel(), draft.query(), draft.contextOverride());
        if (drafts.update(draft.channel(), draft.pendingId(), d -> d.sending(settings.describe(), prompt.exactText())).isEmpty()) {
            return;     // rejected meanwhile
        }
        String key = key(settings, prompt);
        Generation generation;
        boolean mine = false;
        synchronized (generations) {
            generation = fresh ? null : generations.get(key);
            if (generation == null || generation.state() == Generation.State.FAILED) {
                generation = new Generation(draft.pendingId());
                generations.put(key, generation);
                mine = true;
            }
        }
        generation.subscribe(new DraftListener(draft, whenReady));
        if (mine) {
            call(settings, prompt, generation, key);
        }
    }

    /** The console's "test connection": a tiny request to the configured provider, answered off the request thread. */
    void test(Consumer<ConnectionCheck> done) {
        workers.execute(() -> {
            AiSettings settings;
            try {
                settings = config.current();
            } catch (IllegalArgumentException e) {
                done.accept(ConnectionCheck.failed(e.getMessage()));
                return;
            }
            if (!settings.enabled()) {
                done.accept(ConnectionCheck.failed("CHARON AI is off (no charon.ai.provider set)"));
                return;
            }
            if (budget.exhausted(settings.dailyTokenCap())) {
                done.accept(ConnectionCheck.failed("Daily token cap reached"));
                return;
            }
            long start = System.nanoTime();
            Generation generation = new Generation("connection-test");
            generation.subscribe(new Generation.Listener() {
                @Override
                public void partial(String textSoFar) {
                    // the whole answer is reported at the end
                }

                @Override
                public void done(String text, int in, int out, String first) {
                    done.accept(ConnectionCheck.ok(settings.describe() + " answered in "
                            + (System.nanoTime() - start) / 1_000_000 + " ms (" + (in + out) + " tokens)"));
                }

                @Override
                public void failed(String reason) {
                    done.accept(ConnectionCheck.failed(reason));
                }
            });
            call(settings, new Prompt("Connection test. Reply with the single word OK.", "OK?", 0.0, java.util.List.of()),
                    generation, "connection-test-" + start);
        });
    }

    private void call(AiSettings settings, Prompt prompt, Generation generation, String key) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .build();
        watch(generation, settings);
        GuardedHttpClient.StreamEnd end = error -> {
            // after the client's own callbacks: whatever is still running now will never complete
            if (generation.fail(error == null ? FaultReasons.malformed(settings) : FaultReasons.of(error, settings))) {
                forgetIfFailed(key, generation);
            }
        };
        try {
            ChatModels.create(settings, prompt.temperature(), GuardedHttpClient.builder(settings.timeout(), end)).chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    generation.handle(context.streamingHandle());
                    generation.append(partial.text());
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    TokenUsage usage = response.tokenUsage();
                    int in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
                    int out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
                    budget.add(in + out);
                    String text = response.aiMessage() == null ? null : response.aiMessage().text();
                    if (text == null || text.isBlank()) {
                        generation.fail(FaultReasons.malformed(settings));
                    } else {
                        generation.complete(text.strip(), in, out);
                    }
                    forgetIfFailed(key, generation);
                }

                @Override
                public void onError(Throwable error) {
                    generation.fail(FaultReasons.of(error, settings));
                    forgetIfFailed(key, generation);
                }
            });
        } catch (RuntimeException e) {
            generation.fail(FaultReasons.of(e, settings));
            forgetIfFailed(key, generation);
        }
    }

    /** Fails the call when the model has sent nothing for the configured timeout (the HTTP client's covers only the head). */
    private void watch(Generation generation, AiSettings settings) {
        long timeoutNanos = settings.timeout().toNanos();
        workers.schedule(new Runnable() {
            @Override
            public void run() {
                if (generation.state() != Generation.State.RUNNING) {
                    return;
                }
                long idle = System.nanoTime() - generation.lastActivityNanos();
                if (idle >= timeoutNanos) {
                    generation.fail(FaultReasons.timeout(settings));
                } else {
                    workers.schedule(this, timeoutNanos - idle, TimeUnit.NANOSECONDS);
                }
            }
        }, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void forgetIfFailed(String key, Generation generation) {
        if (generation.state() == Generation.State.FAILED) {
            synchronized (generations) {
                generations.remove(key, generation);
            }
        }
    }

    private void fail(Draft draft, String reason) {
        drafts.update(draft.channel(), draft.pendingId(), d -> d.failed(reason));
    }

    static String key(AiSettings settings, Prompt prompt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(settings.describe().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(prompt.exactText().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Carries a generation's progress into one pending entry. */
    private final class DraftListener implements Generation.Listener {
        private final Draft draft;
        private final Consumer<Draft> whenReady;

        DraftListener(Draft draft, Consumer<Draft> whenReady) {
            this.draft = draft;
            this.whenReady = whenReady;
        }

        @Override
        public void partial(String textSoFar) {
            drafts.update(draft.channel(), draft.pendingId(), d -> d.streamed(textSoFar));
        }

        @Override
        public void done(String text, int in, int out, String firstPendingId) {
            boolean reused = !firstPendingId.equals(draft.pendingId());
            drafts.update(draft.channel(), draft.pendingId(), d -> reused ? d.ready(text, 0, 0, firstPendingId) : d.ready(text, in, out, ""))
                    .ifPresent(ready -> workers.execute(() -> whenReady.accept(ready)));
        }

        @Override
        public void failed(String reason) {
            fail(draft, reason);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
