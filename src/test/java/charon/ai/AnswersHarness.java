package charon.ai;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import charon.campaign.Campaign;
import charon.campaign.CampaignLoader;
import charon.campaign.CurrentCampaign;
import charon.config.CharonConfig;

/**
 * The charon.ai beans wired by hand for unit tests (no container): the real knowledge index on the demo campaign,
 * the real LangChain4j clients, the real draft store; settings come from system properties as in production.
 */
final class AnswersHarness implements AutoCloseable {

    static final Path DEMO = Path.of("webapp/WEB-INF/demo-campaign");
    private static Campaign demo;

    final List<DraftChanged> events = new CopyOnWriteArrayList<>();
    final DraftStore drafts = new DraftStore();
    final DraftGenerator generator = new DraftGenerator();
    final CharonAnswers answers = new CharonAnswers();
    final PlayerReach reach = new PlayerReach();
    final TokenBudget budget = new TokenBudget();

    AnswersHarness(Path home) throws Exception {
        Files.createDirectories(home);
        System.setProperty("charon.home", home.toString());
        drafts.changed = new Recorder<>(events);
        budget.config = new CharonConfig();
        CharonKnowledge knowledge = new CharonKnowledge();
        knowledge.campaign = new FixedCampaign(demo());
        knowledge.reach = reach;
        knowledge.config = new AiConfig();
        generator.config = new AiConfig();
        generator.knowledge = knowledge;
        generator.drafts = drafts;
        generator.budget = budget;
        answers.drafts = drafts;
        answers.generator = generator;
    }

    static synchronized Campaign demo() {
        if (demo == null) {
            demo = CampaignLoader.load(DEMO);
        }
        return demo;
    }

    static void settings(String provider, String baseUrl, String key) {
        System.setProperty("charon.ai.provider", provider);
        System.setProperty("charon.ai.base.url", baseUrl);
        System.setProperty("charon.ai.model", "fake-model");
        if (key == null) {
            System.clearProperty("charon.ai.api.key");
        } else {
            System.setProperty("charon.ai.api.key", key);
        }
    }

    @Override
    public void close() {
        generator.stop();
        for (String p : List.of("charon.ai.provider", "charon.ai.base.url", "charon.ai.model", "charon.ai.api.key",
                "charon.ai.timeout.seconds", "charon.ai.daily.token.cap", "charon.home")) {
            System.clearProperty(p);
        }
    }

    /** The campaign already loaded, as the application's CurrentCampaign would hold it. */
    static final class FixedCampaign extends CurrentCampaign {
        private final Campaign campaign;

        FixedCampaign(Campaign campaign) {
            this.campaign = campaign;
        }

        @Override
        public Campaign get() {
            return campaign;
        }

        @Override
        public Path root() {
            return DEMO;
        }
    }

    /** CDI's Event, recording what is fired. */
    static final class Recorder<T> implements Event<T> {
        private final List<T> fired;

        Recorder(List<T> fired) {
            this.fired = fired;
        }

        @Override
        public void fire(T event) {
            fired.add(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            fire(event);
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return fireAsync(event);
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
