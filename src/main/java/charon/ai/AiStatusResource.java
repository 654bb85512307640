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

    @GET
    public Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            AiSettings settings = config.current();
            body.put("enabled", settings.enabled());
            body.put("provider", settings.provider().map(AiProvider::id).orElse(""));
            body.put("model", settings.model());
            body.put("base_url", settings.baseUrl());
            body.put("key_set", settings.hasKey());
            body.put("timeout_seconds", settings.timeout().toMillis() / 1000.0);
            body.put("daily_token_cap", settings.dailyTokenCap());
            body.put("problem", "");
        } catch (IllegalArgumentException e) {
            body.put("enabled", false);
            body.put("provider", "");
            body.put("problem", e.getMessage());
        }
        body.put("tokens_used_today", budget.usedToday());
        body.put("auto_answer", new TreeSet<>(answers.autoAnswerChannels()));
        body.put("last_test", tests.last());
        return body;
    }

    @POST
    @Path("test/")
    public AnswerReplies.TestStarted test(NoFields body) {
        tests.start();
        return AnswerReplies.TestStarted.STARTED;
    }
}
