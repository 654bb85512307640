package charon.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import charon.errors.InvalidRequest;

/**
 * Checks a request object's fields against the JSON types its record declares, so a wrong type is refused with the
 * field's name ("x must be an integer") rather than JSON-B's generic failure. Supported component types: String,
 * Integer (whole numbers only: 2.5, "2" and true are refused), Boolean, List&lt;String&gt; and Map&lt;String, Boolean&gt;.
 * JSON nulls count as missing and are dropped; fields the record does not declare are ignored.
 */
final class RequestFields {

    private RequestFields() {
    }

    /** The object with nulls and unknown fields dropped and integers in plain form, ready for JSON-B. */
    static JsonObject checked(JsonObject object, Class<? extends Record> type) {
        JsonObjectBuilder out = StrictJson.JSON_P.createObjectBuilder();
        for (RecordComponent component : type.getRecordComponents()) {
            String field = Json.snakeCase(component.getName());
            JsonValue value = object.get(field);
            if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
                out.add(field, checked(field, value, component.getGenericType()));
            }
        }
        return out.build();
    }

    private static JsonValue checked(String field, JsonValue value, Type type) {
        if (type == String.class) {
            require(value.getValueType() == JsonValue.ValueType.STRING, field + " must be a string");
            return value;
        }
        if (type == Integer.class) {
            require(value.getValueType() == JsonValue.ValueType.NUMBER && ((JsonNumber) value).isIntegral(), field + " must be an integer");
            try {
                return StrictJson.JSON_P.createValue(((JsonNumber) value).intValueExact());
            } catch (ArithmeticException e) {
                throw new InvalidRequest(field + " is out of range");
            }
        }
        if (type == Boolean.class) {
            require(value == JsonValue.TRUE || value == JsonValue.FALSE, field + " must be true or false");
            return value;
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            require(value.getValueType() == JsonValue.ValueType.ARRAY, field + " must be an array");
            value.asJsonArray().forEach(item -> require(item.getValueType() == JsonValue.ValueType.STRING, field + " must be an array of strings"));
            return value;
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class) {
            require(value.getValueType() == JsonValue.ValueType.OBJECT, field + " must be an object");
            value.asJsonObject().forEach((key, item) -> require(item == JsonValue.TRUE || item == JsonValue.FALSE, field + "." + key + " must be true or false"));
            return value;
        }
        throw new IllegalStateException("No JSON check for " + type + " (" + field + ")");
    }

    private static void require(boolean condition, String refusal) {
        if (!condition) {
            throw new InvalidRequest(refusal);
        }
    }
}
