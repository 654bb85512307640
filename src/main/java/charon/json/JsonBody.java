package charon.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static charon.json.RequestRejected.badRequest;

/**
 * A request body as a JSON object, with typed accessors that refuse wrong types with a message
 * naming the field. Parsing happens before any state is touched, so a refusal changes nothing.
 */
public final class JsonBody {

    /** Largest body any endpoint accepts (bytes of UTF-8). */
    public static final int MAX_BYTES = 64 * 1024;

    /**
     * Looked up once: {@code Json.createReader} looks the provider up through the ServiceLoader on every call,
     * which was a third of the CPU of a GM write in a profile.
     */
    static final JsonProvider JSON_P = JsonProvider.provider();

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    /** An empty or missing body reads as {}; anything else must be one JSON object. */
    public static JsonBody parse(String text) {
        if (text == null || text.isBlank()) {
            return new JsonBody(JsonValue.EMPTY_JSON_OBJECT);
        }
        if (text.length() > MAX_BYTES || text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new RequestRejected(413, "Request body is larger than 64 KB");
        }
        JsonValue value = StrictJson.read(text);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw badRequest("Body must be a JSON object");
        }
        return new JsonBody(value.asJsonObject());
    }

    public boolean has(String field) {
        return object.containsKey(field) && object.get(field).getValueType() != JsonValue.ValueType.NULL;
    }

    public String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> badRequest(field + " is required"));
    }

    /** A non-blank string, trimmed. */
    public String requiredText(String field) {
        String text = requiredString(field).trim();
        if (text.isEmpty()) {
            throw badRequest(field + " is required");
        }
        return text;
    }

    public Optional<String> optionalString(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonValue value = object.get(field);
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw badRequest(field + " must be a string");
        }
        return Optional.of(((JsonString) value).getString());
    }

    public String string(String field, String fallback) {
        return optionalString(field).orElse(fallback);
    }

    public int requiredInt(String field) {
        return optionalInt(field).orElseThrow(() -> badRequest(field + " is required"));
    }

    /** Whole numbers only: 2.5, "2", true are refused (the original let booleans through). */
    public Optional<Integer> optionalInt(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonValue value = object.get(field);
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw badRequest(field + " must be an integer");
        }
        try {
            return Optional.of(((JsonNumber) value).intValueExact());
        } catch (ArithmeticException e) {
            throw badRequest(field + " is out of range");
        }
    }

    public Optional<Boolean> optionalBoolean(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonValue value = object.get(field);
        if (value == JsonValue.TRUE) {
            return Optional.of(true);
        }
        if (value == JsonValue.FALSE) {
            return Optional.of(false);
        }
        throw badRequest(field + " must be true or false");
    }

    public List<String> requiredStringList(String field) {
        if (!has(field)) {
            throw badRequest(field + " is required");
        }
        JsonValue value = object.get(field);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw badRequest(field + " must be an array");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw badRequest(field + " must be an array of strings");
            }
            out.add(((JsonString) item).getString());
        }
        return out;
    }

    public Map<String, Boolean> requiredBooleanMap(String field) {
        if (!has(field)) {
            throw badRequest(field + " is required");
        }
        JsonValue value = object.get(field);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw badRequest(field + " must be an object");
        }
        Map<String, Boolean> out = new LinkedHashMap<>();
        value.asJsonObject().forEach((key, item) -> {
            if (item != JsonValue.TRUE && item != JsonValue.FALSE) {
                throw badRequest(field + "." + key + " must be true or false");
            }
            out.put(key, item == JsonValue.TRUE);
        });
        return out;
    }
}
