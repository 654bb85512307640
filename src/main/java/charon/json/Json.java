package charon.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-B configuration of the server: snake_case names as in the original's API, nulls
 * left out. Jsonb instances are thread-safe and costly to create, so there is exactly one. And the one JSON-P
 * provider: every static {@code jakarta.json.Json.createX} call looks the provider up again through the
 * ServiceLoader (a scan of the WAR's jars in Tomcat), which profiles found taking a fifth to a third of a GM
 * write's CPU; so main code builds JSON-P values through {@link #jsonP()} only (JsonProviderUseTest checks).
 */
public final class Json {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(false));

    private static final JsonProvider JSON_P = JsonProvider.provider();

    private Json() {
    }

    public static JsonProvider jsonP() {
        return JSON_P;
    }

    public static Jsonb jsonb() {
        return JSONB;
    }

    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    /** Lower-case-with-underscores, the same rule JSON-B applies to record components. */
    public static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 8);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
