package charon.campaign;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

import charon.errors.NotFound;
import charon.view.ActiveView;

/** §6.12 and §6.13 as the displays may see them: the shapes of {@link EncounterMapJson}, revealed rooms only. */
final class PlayerMapJson {

    private PlayerMapJson() {
    }

    /** Any location but the one shown: the same answer as an unknown one, so nothing tells which exist. */
    static NotFound notShown() {
        return new NotFound("Location not found");
    }

    static JsonObject map(RevealedMap revealed, ActiveView view, String queryDeckId) {
        EncounterMap map = revealed.map();
        JsonObjectBuilder body;
        if (map.isMultiDeck()) {
            String deckId = LocationJson.notEmpty(queryDeckId) ? queryDeckId
                    : LocationJson.notEmpty(view.encounterDeckId()) ? view.encounterDeckId() : null;
            body = revealed.mapJson(map.deck(deckId).orElse(map.defaultDeck()), true, FreeForm.Floats.AS_JSONP);
        } else {
            body = revealed.mapJson(map.defaultDeck(), false, FreeForm.Floats.AS_JSONP);
        }
        return body.add("room_visibility", revealedRooms(view))
                .add("encounter_level", view.encounterLevel())
                .add("encounter_deck_id", view.encounterDeckId())
                .build();
    }

    static AllDecks allDecks(RevealedMap revealed, ActiveView view) {
        boolean multi = revealed.map().isMultiDeck();
        return new AllDecks(multi, revealed.manifest().orElse(null), revealed.allDecksJson(), revealedRooms(view),
                multi ? view.encounterDeckId() : null);
    }

    /** The room visibility players get (as in their payload): the revealed rooms only. */
    private static JsonObject revealedRooms(ActiveView view) {
        Map<String, Boolean> revealed = new LinkedHashMap<>();
        view.encounterRoomVisibility().forEach((room, visible) -> {
            if (Boolean.TRUE.equals(visible)) {
                revealed.put(room, true);
            }
        });
        return FreeForm.object(revealed);
    }
}
