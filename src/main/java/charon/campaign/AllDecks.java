package charon.campaign;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.List;

/**
 * §6.13 {@code /all-decks/}: every deck with its rooms, for the console's deck and room switches (the GM's) or the
 * displays (the revealed rooms only).
 *
 * @param manifest      the manifest, multi-deck maps only (else null: no key)
 * @param currentDeckId the state's deck, multi-deck maps only (else null: no key)
 */
record AllDecks(boolean isMultiDeck, JsonObject manifest, List<DeckRooms> decks, JsonObject roomVisibility,
                String currentDeckId) {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    JsonObject json() {
        JsonObjectBuilder json = JSON_P.createObjectBuilder().add("is_multi_deck", isMultiDeck);
        if (manifest != null) {
            json.add("manifest", manifest);
        }
        json.add("decks", JSON_P.createArrayBuilder(decks.stream().map(DeckRooms::json).toList()));
        json.add("room_visibility", roomVisibility);
        if (currentDeckId != null) {
            json.add("current_deck_id", currentDeckId);
        }
        return json.build();
    }
}
