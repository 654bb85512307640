package charon.ai;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import charon.json.NoFields;


/**
 * {@code GET /api/gm/charon/ai/}: the provider in use for the console (never the key: only whether one is set),
 * today's tokens against the cap, the channels on auto-answer and the last connection test;
 * {@code POST /api/gm/charon/ai/test/} starts a connection test, whose outcome appears there and on the GM's stream.
 */
@RequestScoped
@Path("gm/charon/ai/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
public class AiStatusResource {

    @Inject
    AiConfig config;
    @Inject
    TokenBudget budget;
    @Inject
    CharonAnswers answers;
    @Inject
    ConnectionTests tests;

    /**
     * The console's AI panel. When the settings are broken only enabled, provider and the problem are said; the
     * last test is absent until there was one.
     */
    public record AiStatus(boolean enabled, String provider, String model, String baseUrl, Boolean keySet,
                           Double timeoutSeconds, Long dailyTokenCap, String problem, long tokensUsedToday,
                           Set<String> autoAnswer, ConnectionCheck lastTest) {
    }

    @GET
    public AiStatus status() {
        Set<String> autoAnswer = new TreeSet<>(answers.autoAnswerChannels());
        try {
            AiSettings settings = config.current();
            return new AiStatus(settings.enabled(), settings.provider().map(AiProvider::id).orElse(""), settings.model(),
                    settings.baseUrl(), settings.hasKey(), settings.timeout().toMillis() / 1000.0, settings.dailyTokenCap(), "",
                    budget.usedToday(), autoAnswer, tests.last());
        } catch (IllegalArgumentException e) {
            return new AiStatus(false, "", null, null, null, null, null, e.getMessage(), budget.usedToday(), autoAnswer, tests.last());
        }
    }

    @POST
    @Path("test/")
    public AnswerReplies.TestStarted test(NoFields body) {
        tests.start();
        return AnswerReplies.TestStarted.STARTED;
    }
}
