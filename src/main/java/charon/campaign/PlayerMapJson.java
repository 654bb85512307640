package charon.campaign;

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

    static Map<String, Object> map(RevealedMap revealed, ActiveView view, String queryDeckId) {
        EncounterMap map = revealed.map();
        Map<String, Object> body;
        if (map.isMultiDeck()) {
            String deckId = LocationJson.notEmpty(queryDeckId) ? queryDeckId
                    : LocationJson.notEmpty(view.encounterDeckId()) ? view.encounterDeckId() : null;
            body = revealed.mapJson(map.deck(deckId).orElse(map.defaultDeck()), true);
        } else {
            body = revealed.mapJson(map.defaultDeck(), false);
        }
        body.put("room_visibility", revealedRooms(view));
        body.put("encounter_level", view.encounterLevel());
        body.put("encounter_deck_id", view.encounterDeckId());
        return body;
    }

    static Map<String, Object> allDecks(RevealedMap revealed, ActiveView view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_multi_deck", revealed.map().isMultiDeck());
        revealed.manifest().ifPresent(manifest -> body.put("manifest", manifest));
        body.put("decks", revealed.allDecksJson());
        body.put("room_visibility", revealedRooms(view));
        if (revealed.map().isMultiDeck()) {
            body.put("current_deck_id", view.encounterDeckId());
        }
        return body;
    }

    /** The room visibility players get (as in their payload): the revealed rooms only. */
    private static Map<String, Boolean> revealedRooms(ActiveView view) {
        Map<String, Boolean> revealed = new LinkedHashMap<>();
        view.encounterRoomVisibility().forEach((room, visible) -> {
            if (Boolean.TRUE.equals(visible)) {
                revealed.put(room, true);
            }
        });
        return revealed;
    }
}
