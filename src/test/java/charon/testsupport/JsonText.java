package charon.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;

/** Parses response bodies with JSON-P, independent of the server's JSON-B configuration. */
public final class JsonText {
    private JsonText() {
    }

    public static JsonObject object(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
