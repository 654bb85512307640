package charon.campaign;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.spi.JsonProvider;

/**
 * A terminal as a location lists it: in the GM's tree (§3.1, no {@code access_level}) and in the payload's
 * {@code location_data} (with it; the messages are read at the terminal endpoint). Values as terminal.yaml has them.
 */
@JsonbPropertyOrder({"slug", "name", "owner", "description", "accessLevel"})
public record TerminalEntry(String slug, JsonValue name, JsonValue owner, JsonValue description, JsonValue accessLevel) {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    /** The same object inside a JSON-P document (location_data): the keys above, no {@code access_level} when null. */
    JsonObject json() {
        JsonObjectBuilder json = JSON_P.createObjectBuilder().add("slug", slug).add("name", name).add("owner", owner)
                .add("description", description);
        if (accessLevel != null) {
            json.add("access_level", accessLevel);
        }
        return json.build();
    }
}
