package charon.campaign;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the campaign's author writes free-form (YAML blocks whose keys the campaign decides: a crew sheet, ship.yaml,
 * a star map) as the immutable JSON-P value the server passes through. Written exactly as JSON-B writes the YAML
 * values: keys in file order, nulls kept, integers as integers, dates as ISO strings.
 */
public final class FreeForm {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    /**
     * How a YAML float is written. The active-view payload has always written it as JSON-B writes a Java double
     * ({@code 1.0E-4}), the read endpoints as JSON-P writes a number ({@code 0.00010}): the same number, and each keeps
     * its bytes. Any other value is written the same way by both.
     */
    enum Floats {
        /** The read endpoints' way (JSON-P's number), the default. */
        AS_JSONP,
        /** The active-view payload's way ({@link JavaDouble}). */
        AS_JAVA
    }

    private FreeForm() {
    }

    public static JsonValue json(Object value) {
        return json(value, Floats.AS_JSONP);
    }

    static JsonValue json(Object value, Floats floats) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Map<?, ?> map) {
            return object(map, floats);
        }
        if (value instanceof Collection<?> list) {
            return array(list, floats);
        }
        if (value instanceof String s) {
            return JSON_P.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JSON_P.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return JSON_P.createValue(big);
        }
        if (value instanceof BigDecimal decimal) {
            return JSON_P.createValue(decimal);
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return floats == Floats.AS_JAVA && Double.isFinite(d) ? new JavaDouble(d) : JSON_P.createValue(d);
        }
        if (value instanceof LocalDateTime dateTime) {
            return JSON_P.createValue(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime));
        }
        if (value instanceof LocalDate date) {
            return JSON_P.createValue(DateTimeFormatter.ISO_LOCAL_DATE.format(date));
        }
        return JSON_P.createValue(value.toString());
    }

    public static JsonObject object(Map<?, ?> map) {
        return object(map, Floats.AS_JSONP);
    }

    static JsonObject object(Map<?, ?> map, Floats floats) {
        JsonObjectBuilder out = JSON_P.createObjectBuilder();
        map.forEach((key, value) -> out.add(String.valueOf(key), json(value, floats)));
        return out.build();
    }

    public static JsonArray array(Collection<?> list) {
        return array(list, Floats.AS_JSONP);
    }

    static JsonArray array(Collection<?> list, Floats floats) {
        JsonArrayBuilder out = JSON_P.createArrayBuilder();
        list.forEach(item -> out.add(json(item, floats)));
        return out.build();
    }

    /** Each entry of a list of free-form documents (crew, NPCs, session logs). */
    public static List<JsonObject> objects(List<? extends Map<?, ?>> entries) {
        return entries.stream().map(FreeForm::object).toList();
    }
}
