package charon.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The location keys of the players' payload (§10.2), with the keys and types of the GM's: location_data carries
 * only the revealed part of the current deck, no GM-only keys, and no comm terminal whose map icon stands in a
 * hidden room.
 */
final class PlayerLocationJson {

    private PlayerLocationJson() {
    }

    static Map<String, Object> enrichment(Location location, String stateDeckId, Optional<RevealedMap> revealed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("location_type", Values.rawOr(location.data(), "type", "unknown"));
        json.put("location_name", Values.rawOr(location.data(), "name", ""));
        json.put("location_data", locationData(location, stateDeckId, revealed));
        json.put("location_path", location.path());
        Manifest manifest = location.manifest();
        if (manifest != null) {
            json.put("encounter_total_decks", manifest.totalDecks());
            String deckId = LocationJson.notEmpty(stateDeckId) ? stateDeckId : defaultId(manifest);
            if (deckId != null) {
                manifest.entry(deckId).map(e -> e.get("name")).ifPresent(name -> json.put("encounter_deck_name", name));
            }
        }
        return json;
    }

    private static Map<String, Object> locationData(Location location, String stateDeckId, Optional<RevealedMap> revealed) {
        Map<String, Object> data = GmOnly.strip(location.data());
        data.put("slug", location.slug());
        data.put("has_map", location.hasMap());
        data.put("map", revealed.map(m -> currentMap(m, stateDeckId)).orElse(null));
        data.put("system_slug", location.systemSlug());
        location.parentSlug().ifPresent(parent -> data.put("parent_slug", parent));
        Set<String> hiddenTerminals = revealed.map(RevealedMap::terminalsInHiddenRooms).orElse(Set.of());
        data.put("terminals", location.terminals().stream()
                .filter(t -> !hiddenTerminals.contains(t.slug()) && !GmOnly.marked(t.data()))
                .map(Terminal::summaryJson).toList());
        List<Map<String, Object>> children = new ArrayList<>();
        for (Location child : location.children()) {
            if (GmOnly.marked(child.data())) {
                continue;
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("slug", child.slug());
            c.put("name", Values.rawOr(child.data(), "name", ""));
            c.put("type", Values.rawOr(child.data(), "type", ""));
            children.add(c);
        }
        data.put("children", children);
        return data;
    }

    /** The deck the state shows (as the GM's payload picks it), revealed part only. */
    static Map<String, Object> currentMap(RevealedMap revealed, String stateDeckId) {
        EncounterMap map = revealed.map();
        if (!map.isMultiDeck()) {
            return revealed.mapJson(map.defaultDeck(), false);
        }
        String deckId = LocationJson.notEmpty(stateDeckId) ? stateDeckId : map.defaultDeck().id();
        return map.deck(deckId).map(d -> revealed.mapJson(d, false)).orElseGet(() -> revealed.mapJson(map.defaultDeck(), true));
    }

    private static String defaultId(Manifest manifest) {
        Map<String, Object> entry = manifest.defaultEntry();
        return entry == null ? null : Values.str(entry.get("id"));
    }
}
