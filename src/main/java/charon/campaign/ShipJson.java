package charon.campaign;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.Map;

import charon.view.ShipSystemOverride;

/** ship.yaml (free-form: the campaign's file) with runtime system overrides merged (§12.4). */
final class ShipJson {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    private ShipJson() {
    }

    /**
     * The document as written; each override sets status, and condition and info when given, on an existing
     * {@code ship.systems} entry (unknown systems ignored).
     */
    static JsonObject merged(Map<String, Object> shipDocument, Map<String, ShipSystemOverride> overrides) {
        JsonObject doc = FreeForm.object(shipDocument);
        JsonObject ship = object(doc.get("ship"));
        JsonObject systems = ship == null ? null : object(ship.get("systems"));
        if (systems == null || overrides == null) {
            return doc;
        }
        JsonObjectBuilder merged = JSON_P.createObjectBuilder(systems);
        overrides.forEach((system, override) -> {
            JsonObject target = object(systems.get(system));
            if (target != null && override != null) {
                JsonObjectBuilder keys = JSON_P.createObjectBuilder(target).add("status", override.status());
                if (override.condition() != null) {
                    keys.add("condition", override.condition());
                }
                if (override.info() != null) {
                    keys.add("info", override.info());
                }
                merged.add(system, keys);
            }
        });
        return JSON_P.createObjectBuilder(doc).add("ship", JSON_P.createObjectBuilder(ship).add("systems", merged)).build();
    }

    private static JsonObject object(JsonValue value) {
        return value instanceof JsonObject object ? object : null;
    }
}
