package charon.campaign;

import java.util.LinkedHashMap;
import java.util.Map;

import charon.errors.NotFound;

/** GET /api/encounter-map/{slug}/ (§6.12) and /all-decks/ (§6.13). */
final class EncounterMapJson {

    private EncounterMapJson() {
    }

    static Map<String, Object> map(Campaign campaign, String slug, Map<String, ?> roomVisibility, Object encounterLevel,
                            String stateDeckId, String queryDeckId) {
        EncounterMap map = campaign.location(slug).orElseThrow(() -> new NotFound("Location not found"))
                .map().orElseThrow(() -> new NotFound("No map data for location"));
        Map<String, Object> body;
        if (map.isMultiDeck()) {
            String deckId = LocationJson.notEmpty(queryDeckId) ? queryDeckId
                    : LocationJson.notEmpty(stateDeckId) ? stateDeckId : null;
            body = map.deckView(map.deck(deckId).orElse(map.defaultDeck()), true);
        } else {
            body = map.loadedMapJson();
        }
        body.put("room_visibility", roomVisibility == null ? Map.of() : roomVisibility);
        body.put("encounter_level", encounterLevel);
        body.put("encounter_deck_id", stateDeckId == null ? "" : stateDeckId);
        return body;
    }

    static Map<String, Object> allDecks(Campaign campaign, String slug, Map<String, ?> roomVisibility, String stateDeckId) {
        EncounterMap map = campaign.location(slug).orElseThrow(() -> new NotFound("Location not found"))
                .map().orElseThrow(() -> new NotFound("No map data for location"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_multi_deck", map.isMultiDeck());
        if (map.isMultiDeck()) {
            body.put("manifest", map.manifest().orElseThrow());
        }
        body.put("decks", map.allDecksJson());
        body.put("room_visibility", roomVisibility == null ? Map.of() : roomVisibility);
        if (map.isMultiDeck()) {
            body.put("current_deck_id", stateDeckId == null ? "" : stateDeckId);
        }
        return body;
    }
}
