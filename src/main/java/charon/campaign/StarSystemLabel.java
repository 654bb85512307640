package charon.campaign;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A labelled star of the star map as the BRIDGE view lists it ({@code star_systems}: the /terminal/ page's names, in
 * camelCase as the original's page had them).
 *
 * @param name the star map entry's {@code name} as written
 */
record StarSystemLabel(JsonValue name, boolean hasSystemMap) {

    JsonObject json() {
        return Json.createObjectBuilder().add("name", name).add("hasSystemMap", hasSystemMap).build();
    }
}
