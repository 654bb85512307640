package charon.json;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.StringReader;

import charon.errors.InvalidRequest;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Hostile bodies a LAN device can send: each is a 400 with a one-line reason, never an exception of the parser. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StrictJsonTest {

    private static void refused(String reason, String body) {
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> StrictJson.read(body), body.length() > 60 ? body.substring(0, 60) : body);
        assertEquals(reason, e.getMessage());
    }

    @Test
    void readsWhatTheReaderReads() {
        String body = "{\"view_type\":\"ENCOUNTER\",\"x\":-3,\"c\":12.5,\"e\":1e308,\"t\":true,\"f\":false,\"n\":null,"
                + "\"rooms\":{\"a\":true,\"b\":[1,[2,{\"k\":\"v\"}],[]]},\"empty\":{}}";
        assertEquals(StrictJson.JSON_P.createReader(new StringReader(body)).readValue(), StrictJson.read(body));
        assertEquals(JsonValue.TRUE, StrictJson.read(" true "));
        assertEquals(StrictJson.JSON_P.createValue("x"), StrictJson.read("\"x\""));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, StrictJson.read("[]"));
    }

    @Test
    void deepNestingIsRefusedBeforeTheParserOrARecursiveBuildSeesIt() {
        refused("JSON is nested too deeply (limit 32 levels)", "[".repeat(10_000) + "]".repeat(10_000));
        refused("JSON is nested too deeply (limit 32 levels)", "{\"condition\":" + "[".repeat(10_000));
        refused("JSON is nested too deeply (limit 32 levels)", "{\"a\":".repeat(33) + "1" + "}".repeat(33));
        StrictJson.read("{\"a\":".repeat(32) + "1" + "}".repeat(32));
    }

    @Test
    void hugeNumbersAreRefusedOnTheirText() {
        refused("Number out of range: 1E+2147483648", "{\"condition\":1E+2147483648}");
        refused("Number out of range: 1E+2147483647", "{\"condition\":1E+2147483647}");
        refused("Number out of range: 1e-999999", "{\"condition\":1e-999999}");
        refused("Number out of range: 1e99999999999", "{\"condition\":1e99999999999}");
        assertEquals(10, StrictJson.read("{\"c\":1e0000000000000000000000001}").asJsonObject().getJsonNumber("c").intValue(), "leading zeros");
        refused("Number out of range: " + "1".repeat(24) + "...", "{\"condition\":" + "1".repeat(101) + "}");
        assertEquals(100, StrictJson.read("{\"condition\":1E+2}").asJsonObject().getJsonNumber("condition").intValue());
    }

    @Test
    void nothingMayFollowTheValue() {
        refused("Invalid JSON", "{\"view_type\":\"STANDBY\"} this is not json");
        refused("Invalid JSON", "{}{}");
        refused("Invalid JSON", "{} []");
        refused("Invalid JSON", "{}\u0000");
        refused("Invalid JSON", "");
        refused("Invalid JSON", "{\"a\":}");
    }

    @Test
    void theRequestReaderUsesIt() {
        assertEquals("Invalid JSON", assertThrows(InvalidRequest.class,
                () -> JsonRequestReader.read(NoFields.class, "{\"view_type\":\"STANDBY\"} this is not json")).getMessage());
        assertEquals("JSON is nested too deeply (limit 32 levels)", assertThrows(InvalidRequest.class,
                () -> StrictJson.readObject("[".repeat(10_000))).getMessage());
    }
}
