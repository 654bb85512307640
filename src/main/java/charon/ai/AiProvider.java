package charon.ai;

import java.util.Locale;
import java.util.Optional;

/** The model servers Charon can draft CHARON's answers with; each has its own wire protocol. */
public enum AiProvider {
    /** Anthropic's Messages API (the original's provider). */
    ANTHROPIC("https://api.anthropic.com/v1/", "claude-3-5-haiku-latest"),
    /** Any server speaking OpenAI's chat completions: OpenAI, llama.cpp's server, LM Studio, vLLM... */
    OPENAI("https://api.openai.com/v1/", "gpt-4o-mini"),
    /** Ollama's own /api/chat, for a table that stays offline with a model on the GM's laptop. */
    OLLAMA("http://127.0.0.1:11434/", "llama3.2");

    private final String defaultBaseUrl;
    private final String defaultModel;

    AiProvider(String defaultBaseUrl, String defaultModel) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public String defaultModel() {
        return defaultModel;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Empty (or unset) means off; anything else must name a provider. */
    static Optional<AiProvider> parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("off") || text.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        for (AiProvider provider : values()) {
            if (provider.id().equalsIgnoreCase(text.trim())) {
                return Optional.of(provider);
            }
        }
        throw new IllegalArgumentException("charon.ai.provider must be anthropic, openai, ollama or empty, got '" + text + "'");
    }
}
