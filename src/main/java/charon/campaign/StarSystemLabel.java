package charon.campaign;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * A labelled star of the star map as the BRIDGE view lists it ({@code star_systems}: the /terminal/ page's names, in
 * camelCase as the original's page had them).
 *
 * @param name the star map entry's {@code name} as written
 */
record StarSystemLabel(JsonValue name, boolean hasSystemMap) {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    JsonObject json() {
        return JSON_P.createObjectBuilder().add("name", name).add("hasSystemMap", hasSystemMap).build();
    }
}
