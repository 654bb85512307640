package charon.json;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonBodyCheckTest {

    private static void refused(String expected, String body) {
        ApiException e = assertThrows(ApiException.class, () -> JsonBodyCheck.requireObject(body), body);
        assertEquals(400, e.getResponse().getStatus());
        assertEquals(expected, e.getMessage(), body);
    }

    @Test
    void onlyOneWellFormedObjectPasses() {
        JsonBodyCheck.requireObject("{}");
        JsonBodyCheck.requireObject(" {\"username\":\"gm\",\"nested\":{\"a\":[1,2]}} ");
        refused("Invalid JSON", "");
        refused("Invalid JSON", "{");
        refused("Invalid JSON", "{\"a\":}");
        refused("Invalid JSON", "{'a':1}");
        refused("Invalid JSON", "not json");
        refused("Invalid JSON", "{} {}");
        refused("Invalid JSON", "{}x");
        refused("Body must be a JSON object", "[1]");
        refused("Body must be a JSON object", "\"text\"");
        refused("Body must be a JSON object", "42");
        refused("Body must be a JSON object", "null");
    }

    @Test
    void bodiesAreCappedAt64Kb() throws Exception {
        assertEquals(65536, JsonBodyCheck.readAtMost(new ByteArrayInputStream(new byte[65536]), 65536).length);
        ApiException e = assertThrows(ApiException.class,
                () -> JsonBodyCheck.readAtMost(new ByteArrayInputStream(new byte[65537]), 65536));
        assertEquals(413, e.getResponse().getStatus());
    }
}
