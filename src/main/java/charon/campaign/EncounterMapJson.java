package charon.campaign;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.Map;

import charon.errors.NotFound;

/** GET /api/gm/encounter-map/{slug}/ (§6.12) and /all-decks/ (§6.13): the maps as loaded, every room. */
final class EncounterMapJson {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    private EncounterMapJson() {
    }

    /** The deck's map object (a single map's is the campaign's own file) with the state's keys after it. */
    static JsonObject map(Campaign campaign, String slug, Map<String, ?> roomVisibility, Object encounterLevel,
                          String stateDeckId, String queryDeckId) {
        EncounterMap map = campaign.location(slug).orElseThrow(() -> new NotFound("Location not found"))
                .map().orElseThrow(() -> new NotFound("No map data for location"));
        JsonObjectBuilder body;
        if (map.isMultiDeck()) {
            String deckId = LocationJson.notEmpty(queryDeckId) ? queryDeckId
                    : LocationJson.notEmpty(stateDeckId) ? stateDeckId : null;
            body = map.deckView(map.deck(deckId).orElse(map.defaultDeck()), true, FreeForm.Floats.AS_JSONP).json();
        } else {
            body = JSON_P.createObjectBuilder(map.loadedMapJson(FreeForm.Floats.AS_JSONP));
        }
        return body.add("room_visibility", FreeForm.json(roomVisibility == null ? Map.of() : roomVisibility))
                .add("encounter_level", FreeForm.json(encounterLevel))
                .add("encounter_deck_id", stateDeckId == null ? "" : stateDeckId)
                .build();
    }

    static AllDecks allDecks(Campaign campaign, String slug, Map<String, ?> roomVisibility, String stateDeckId) {
        EncounterMap map = campaign.location(slug).orElseThrow(() -> new NotFound("Location not found"))
                .map().orElseThrow(() -> new NotFound("No map data for location"));
        return new AllDecks(map.isMultiDeck(), map.manifest().orElse(null), map.allDecksJson(FreeForm::array),
                FreeForm.object(roomVisibility == null ? Map.of() : roomVisibility),
                map.isMultiDeck() ? (stateDeckId == null ? "" : stateDeckId) : null);
    }
}
