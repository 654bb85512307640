package charon.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The active-view location enrichment (§10.2); the GM's tree is {@link LocationTree}. */
final class LocationJson {

    private LocationJson() {
    }

    static Map<String, Object> enrichment(Location location, String stateDeckId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("location_type", Values.rawOr(location.data(), "type", "unknown"));
        json.put("location_name", Values.rawOr(location.data(), "name", ""));
        json.put("location_data", locationData(location, stateDeckId));
        json.put("location_path", location.path());
        Manifest manifest = location.manifest();
        if (manifest != null) {
            json.put("encounter_total_decks", manifest.totalDecks());
            String deckId = notEmpty(stateDeckId) ? stateDeckId : defaultId(manifest);
            if (deckId != null) {
                manifest.entry(deckId).map(e -> e.get("name")).ifPresent(name -> json.put("encounter_deck_name", name));
            }
        }
        return json;
    }

    /** Only what the display needs for the current view (the original sent the whole subtree, ~40 KB). */
    private static Map<String, Object> locationData(Location location, String stateDeckId) {
        Map<String, Object> data = new LinkedHashMap<>(location.data());
        data.put("slug", location.slug());
        data.put("has_map", location.hasMap());
        data.put("map", location.map().map(m -> currentMap(m, stateDeckId)).orElse(null));
        data.put("system_slug", location.systemSlug());
        location.parentSlug().ifPresent(parent -> data.put("parent_slug", parent));
        data.put("terminals", location.terminals().stream().map(Terminal::summaryJson).toList());
        List<Map<String, Object>> children = new ArrayList<>();
        for (Location child : location.children()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("slug", child.slug());
            c.put("name", Values.rawOr(child.data(), "name", ""));
            c.put("type", Values.rawOr(child.data(), "type", ""));
            children.add(c);
        }
        data.put("children", children);
        return data;
    }

    /** Multi-deck: state deck (or default) without "slug"; an unknown deck id keeps the loaded default map. */
    private static Map<String, Object> currentMap(EncounterMap map, String stateDeckId) {
        if (!map.isMultiDeck()) {
            return map.loadedMapJson();
        }
        String deckId = notEmpty(stateDeckId) ? stateDeckId : map.defaultDeck().id();
        return map.deck(deckId).map(d -> map.deckView(d, false)).orElseGet(map::loadedMapJson);
    }

    private static String defaultId(Manifest manifest) {
        Map<String, Object> entry = manifest.defaultEntry();
        return entry == null ? null : Values.str(entry.get("id"));
    }

    static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
