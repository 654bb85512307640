package charon.campaign;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import charon.json.Json;

/**
 * What a builder's answer looks like on the wire, as plain Java values (maps in key order, lists, strings,
 * booleans, Integer/Long/Double, null): written by the server's JSON-B, read back with JSON-P.
 */
final class Plain {

    private Plain() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object answer) {
        return (Map<String, Object>) of(answer);
    }

    static Object of(Object answer) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(Json.write(answer)))) {
            return plain(reader.readValue());
        }
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> out = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> out.put(k, plain(v)));
                yield out;
            }
            case ARRAY -> {
                List<Object> out = new ArrayList<>();
                value.asJsonArray().forEach(v -> out.add(plain(v)));
                yield out;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> number((JsonNumber) value);
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    private static Object number(JsonNumber n) {
        if (!n.isIntegral()) {
            return n.doubleValue();
        }
        long l = n.longValueExact();
        return l == (int) l ? (Object) (int) l : (Object) l;
    }
}
