package charon.campaign;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * One entry of §6.13's {@code decks}: a deck and its rooms (the rooms are the campaign's own, free-form).
 *
 * @param name the deck's name as written in the file (any YAML value), or the loader's default
 */
record DeckRooms(String id, JsonValue name, int level, JsonArray rooms) {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    JsonObject json() {
        return JSON_P.createObjectBuilder().add("id", id).add("name", name).add("level", level).add("rooms", rooms).build();
    }
}
