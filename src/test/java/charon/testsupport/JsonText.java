package charon.testsupport;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;

/** Parses response bodies with JSON-P, independent of the server's JSON-B configuration. */
public final class JsonText {

    /** Looked up once (each static Json.createX call looks the provider up again through the ServiceLoader). */
    public static final JsonProvider PROVIDER = JsonProvider.provider();
    private JsonText() {
    }

    public static JsonObject object(String text) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
