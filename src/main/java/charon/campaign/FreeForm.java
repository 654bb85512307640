package charon.campaign;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

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

    private FreeForm() {
    }

    public static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Map<?, ?> map) {
            return object(map);
        }
        if (value instanceof Collection<?> list) {
            return array(list);
        }
        if (value instanceof String s) {
            return Json.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return Json.createValue(big);
        }
        if (value instanceof BigDecimal decimal) {
            return Json.createValue(decimal);
        }
        if (value instanceof Number number) {
            return Json.createValue(number.doubleValue());
        }
        if (value instanceof LocalDateTime dateTime) {
            return Json.createValue(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime));
        }
        if (value instanceof LocalDate date) {
            return Json.createValue(DateTimeFormatter.ISO_LOCAL_DATE.format(date));
        }
        return Json.createValue(value.toString());
    }

    public static JsonObject object(Map<?, ?> map) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        map.forEach((key, value) -> out.add(String.valueOf(key), json(value)));
        return out.build();
    }

    public static JsonArray array(Collection<?> list) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        list.forEach(item -> out.add(json(item)));
        return out.build();
    }

    /** Each entry of a list of free-form documents (crew, NPCs, session logs). */
    public static List<JsonObject> objects(List<? extends Map<?, ?>> entries) {
        return entries.stream().map(FreeForm::object).toList();
    }
}
