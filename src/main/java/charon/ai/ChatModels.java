package charon.ai;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import java.util.Map;

/**
 * The LangChain4j streaming client for the configured provider. Request and response logging stay off: the
 * clients would log the API key's header and the whole prompt.
 */
final class ChatModels {

    private ChatModels() {
    }

    static StreamingChatModel create(AiSettings settings, double temperature, HttpClientBuilder http) {
        AiProvider provider = settings.provider().orElseThrow(() -> new IllegalStateException("CHARON AI is off"));
        return switch (provider) {
            case ANTHROPIC -> AnthropicStreamingChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    .apiKey(settings.apiKey())
                    .modelName(settings.model())
                    .maxTokens(settings.maxAnswerTokens())
                    .temperature(temperature)
                    .timeout(settings.timeout())
                    .httpClientBuilder(http)
                    .logRequests(false).logResponses(false)
                    .build();
            case OPENAI -> OpenAiStreamingChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    // local OpenAI-compatible servers need no key, but the client insists on one
                    .apiKey(settings.hasKey() ? settings.apiKey() : "no-key")
                    .modelName(settings.model())
                    .maxTokens(settings.maxAnswerTokens())
                    .temperature(temperature)
                    .timeout(settings.timeout())
                    .httpClientBuilder(http)
                    .logRequests(false).logResponses(false)
                    .build();
            case OLLAMA -> OllamaStreamingChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    .customHeaders(settings.hasKey() ? Map.of("Authorization", "Bearer " + settings.apiKey()) : Map.of())
                    .modelName(settings.model())
                    .numPredict(settings.maxAnswerTokens())
                    .temperature(temperature)
                    .timeout(settings.timeout())
                    .httpClientBuilder(http)
                    .logRequests(false).logResponses(false)
                    .build();
        };
    }
}
