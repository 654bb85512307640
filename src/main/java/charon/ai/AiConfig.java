package charon.ai;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import static charon.config.CharonConfig.setting;

/**
 * The model settings, read like every other setting (system property first, then environment) each time a draft
 * starts, so a test or a restarted Tomcat with new {@code -D} flags takes effect without a redeploy.
 */
@ApplicationScoped
public class AiConfig {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final long DEFAULT_DAILY_TOKEN_CAP = 200_000;
    static final int DEFAULT_MAX_ANSWER_TOKENS = 400;

    public AiSettings current() {
        Optional<AiProvider> provider = AiProvider.parse(setting("charon.ai.provider", "CHARON_AI_PROVIDER").orElse(""));
        if (provider.isEmpty()) {
            return AiSettings.OFF;
        }
        AiProvider p = provider.get();
        return new AiSettings(provider,
                setting("charon.ai.base.url", "CHARON_AI_BASE_URL").orElse(p.defaultBaseUrl()),
                setting("charon.ai.model", "CHARON_AI_MODEL").orElse(p.defaultModel()),
                setting("charon.ai.api.key", "CHARON_AI_API_KEY").orElse(""),
                setting("charon.ai.timeout.seconds", "CHARON_AI_TIMEOUT_SECONDS")
                        .map(number("charon.ai.timeout.seconds", 0.05, 600)).map(s -> Duration.ofMillis(Math.round(s * 1000)))
                        .orElse(DEFAULT_TIMEOUT),
                setting("charon.ai.daily.token.cap", "CHARON_AI_DAILY_TOKEN_CAP")
                        .map(number("charon.ai.daily.token.cap", 0, 1e12)).map(Math::round).orElse(DEFAULT_DAILY_TOKEN_CAP),
                setting("charon.ai.max.answer.tokens", "CHARON_AI_MAX_ANSWER_TOKENS")
                        .map(number("charon.ai.max.answer.tokens", 16, 8192)).map(d -> (int) Math.round(d)).orElse(DEFAULT_MAX_ANSWER_TOKENS));
    }

    /** A setting that does not parse is a clear start-up error naming it, not a silent default. */
    private static Function<String, Double> number(String name, double min, double max) {
        return text -> {
            try {
                double value = Double.parseDouble(text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a number between " + (long) min + " and " + (long) max + ", got '" + text + "'");
        };
    }
}
