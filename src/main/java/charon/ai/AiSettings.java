package charon.ai;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The model settings in force. The API key is held here and handed only to the model client: {@link #toString()}
 * and {@link #describe()} leave it out, so it reaches no page, log line or backup.
 */
public record AiSettings(Optional<AiProvider> provider, String baseUrl, String model, String apiKey,
                         Duration timeout, long dailyTokenCap, int maxAnswerTokens) {

    public static final AiSettings OFF = new AiSettings(Optional.empty(), "", "", "", Duration.ofSeconds(60), 0, 400);

    public AiSettings {
        if (provider.isPresent()) {
            URI uri = URI.create(baseUrl);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("charon.ai.base.url must be an http(s) URL, got '" + baseUrl + "'");
            }
        }
    }

    public boolean enabled() {
        return provider.isPresent();
    }

    /** What the console may show: provider, model and server, never the key (only whether one is set). */
    public String describe() {
        return provider.map(p -> p.id() + " " + model + " at " + baseUrl).orElse("off");
    }

    public boolean hasKey() {
        return apiKey != null && !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return "AiSettings[" + describe() + ", key " + (hasKey() ? "set" : "not set") + ", timeout " + timeout
                + ", daily cap " + dailyTokenCap + "]";
    }
}
