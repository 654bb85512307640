package charon.campaign;

import jakarta.json.JsonObject;

import java.util.Optional;
import java.util.Set;

/**
 * The location keys of the players' payload (§10.2), with the keys and types of the GM's: location_data carries
 * only the revealed part of the current deck, no GM-only keys, and no comm terminal whose map icon stands in a
 * hidden room.
 */
final class PlayerLocationJson {

    /** The payload writes YAML floats as it always has. */
    private static final FreeForm.Floats PAYLOAD = FreeForm.Floats.AS_JAVA;

    private PlayerLocationJson() {
    }

    static LocationKeys enrichment(Location location, String stateDeckId, Optional<RevealedMap> revealed) {
        Set<String> hiddenTerminals = revealed.map(RevealedMap::terminalsInHiddenRooms).orElse(Set.of());
        return LocationKeys.of(location, stateDeckId, LocationJson.locationData(location, location.playersDataJson(),
                revealed.map(m -> currentMap(m, stateDeckId)).orElse(null),
                location.terminals().stream()
                        .filter(t -> !hiddenTerminals.contains(t.slug()) && !GmOnly.marked(t.data()))
                        .map(Terminal::summaryJson).toList(),
                location.children().stream().filter(child -> !GmOnly.marked(child.data())).toList()));
    }

    /** The deck the state shows (as the GM's payload picks it), revealed part only. */
    static JsonObject currentMap(RevealedMap revealed, String stateDeckId) {
        EncounterMap map = revealed.map();
        if (!map.isMultiDeck()) {
            return revealed.mapJson(map.defaultDeck(), false, PAYLOAD).build();
        }
        String deckId = LocationJson.notEmpty(stateDeckId) ? stateDeckId : map.defaultDeck().id();
        return map.deck(deckId).map(d -> revealed.mapJson(d, false, PAYLOAD))
                .orElseGet(() -> revealed.mapJson(map.defaultDeck(), true, PAYLOAD)).build();
    }
}
