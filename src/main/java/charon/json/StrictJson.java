package charon.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import charon.errors.InvalidRequest;

/**
 * Reads one JSON value from a request body the way nothing on the LAN can turn into a 500: nesting is
 * bounded ({@value #MAX_DEPTH} levels; the parser's own limit, 1,000, throws a bare RuntimeException and a
 * recursive build can overflow the stack), numbers are bounded (an exponent like {@code 1E+2147483648}
 * fails inside the parser, and {@code 1E+2147483647} would be expanded to a billion digits by the first
 * {@code intValue()}), and nothing may follow the value ({@code {...} this is not json} is refused, where a
 * JSON-P reader stops after the first value). The value is built without recursion, from the parser's events.
 * Every refusal is a 400 with a one-line reason and no stack trace.
 */
public final class StrictJson {

    static final int MAX_DEPTH = 32;
    /** Digits before the exponent, and the exponent's size: far beyond any value an endpoint reads. */
    static final int MAX_DIGITS = 100;
    static final int MAX_EXPONENT = 400;
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+)(?:\\.(\\d+))?(?:[eE]([+-]?\\d+))?");
    static final JsonProvider JSON_P = Json.jsonP();

    private StrictJson() {
    }

    /** The one value {@code text} holds; {@link InvalidRequest} for anything else. */
    public static JsonValue read(String text) {
        try (JsonParser parser = JSON_P.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new InvalidRequest("Invalid JSON");
            }
            JsonValue value = build(parser);
            if (parser.hasNext()) {
                throw new InvalidRequest("Invalid JSON"); // a second value, or anything else, after the first
            }
            return value;
        } catch (InvalidRequest refused) {
            throw refused;
        } catch (RuntimeException malformed) {
            // JsonParsingException, and the bare RuntimeExceptions and NumberFormatExceptions parsers also throw
            throw new InvalidRequest("Invalid JSON");
        }
    }

    /** The one JSON object {@code text} holds; "Body must be a JSON object" for any other value. */
    public static jakarta.json.JsonObject readObject(String text) {
        JsonValue value = read(text);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequest("Body must be a JSON object");
        }
        return value.asJsonObject();
    }

    /** Builds the value that starts at the parser's next event, with explicit stacks instead of recursion. */
    private static JsonValue build(JsonParser parser) {
        Deque<Object> builders = new ArrayDeque<>(); // JsonObjectBuilder or JsonArrayBuilder
        Deque<String> keys = new ArrayDeque<>();
        String key = null;
        do {
            JsonParser.Event event = parser.next();
            JsonValue done;
            switch (event) {
                case KEY_NAME -> {
                    key = parser.getString();
                    continue;
                }
                case START_OBJECT, START_ARRAY -> {
                    if (builders.size() >= MAX_DEPTH) {
                        throw new InvalidRequest("JSON is nested too deeply (limit " + MAX_DEPTH + " levels)");
                    }
                    builders.push(event == JsonParser.Event.START_OBJECT ? JSON_P.createObjectBuilder() : JSON_P.createArrayBuilder());
                    keys.push(key == null ? "" : key);
                    key = null;
                    continue;
                }
                case END_OBJECT -> {
                    done = ((JsonObjectBuilder) builders.pop()).build();
                    key = keys.pop();
                }
                case END_ARRAY -> {
                    done = ((JsonArrayBuilder) builders.pop()).build();
                    key = keys.pop();
                }
                case VALUE_STRING -> done = JSON_P.createValue(parser.getString());
                case VALUE_NUMBER -> done = JSON_P.createValue(number(parser.getString()));
                case VALUE_TRUE -> done = JsonValue.TRUE;
                case VALUE_FALSE -> done = JsonValue.FALSE;
                case VALUE_NULL -> done = JsonValue.NULL;
                default -> throw new InvalidRequest("Invalid JSON");
            }
            if (builders.isEmpty()) {
                return done;
            }
            Object parent = builders.peek();
            if (parent instanceof JsonObjectBuilder object) {
                object.add(key, done);
            } else {
                ((JsonArrayBuilder) parent).add(done);
            }
            key = null;
        } while (true);
    }

    /** The number, if its digits and exponent are within bounds; checked on the text before any arithmetic. */
    static BigDecimal number(String text) {
        Matcher parts = NUMBER.matcher(text);
        if (!parts.matches()) {
            throw new InvalidRequest("Invalid JSON");
        }
        int digits = parts.group(1).length() + (parts.group(2) == null ? 0 : parts.group(2).length());
        String exponent = parts.group(3);
        if (digits > MAX_DIGITS || exponent != null && (exponent.replaceFirst("^[+-]?0*", "").length() > 4
                || Math.abs(Integer.parseInt(exponent)) > MAX_EXPONENT)) {
            throw new InvalidRequest("Number out of range: " + (text.length() > 24 ? text.substring(0, 24) + "..." : text));
        }
        return new BigDecimal(text);
    }
}
