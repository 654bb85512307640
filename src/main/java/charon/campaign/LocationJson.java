package charon.campaign;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.List;

/** The GM's active-view location keys (§10.2); the players' are {@link PlayerLocationJson}, the GM's tree {@link LocationTree}. */
final class LocationJson {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    /** The payload writes YAML floats as it always has. */
    private static final FreeForm.Floats PAYLOAD = FreeForm.Floats.AS_JAVA;

    private LocationJson() {
    }

    static LocationKeys enrichment(Location location, String stateDeckId) {
        JsonObject map = location.map().map(m -> currentMap(m, stateDeckId)).orElse(null);
        return LocationKeys.of(location, stateDeckId, locationData(location, location.dataJson(), map,
                location.terminals().stream().map(Terminal::summaryJson).toList(), location.children()));
    }

    /**
     * location.yaml (free-form, as the audience may see it) with the server's keys: only what the display needs for the
     * current view (the original sent the whole subtree, ~40 KB).
     */
    static JsonObject locationData(Location location, JsonObject data, JsonObject map, List<TerminalEntry> terminals,
                                   List<Location> children) {
        JsonObjectBuilder json = JSON_P.createObjectBuilder(data)
                .add("slug", location.slug())
                .add("has_map", location.hasMap())
                .add("map", map == null ? JsonValue.NULL : map)
                .add("system_slug", location.systemSlug());
        location.parentSlug().ifPresent(parent -> json.add("parent_slug", parent));
        JsonArrayBuilder terminalList = JSON_P.createArrayBuilder();
        terminals.forEach(t -> terminalList.add(t.json()));
        json.add("terminals", terminalList);
        JsonArrayBuilder childList = JSON_P.createArrayBuilder();
        for (Location child : children) {
            childList.add(JSON_P.createObjectBuilder().add("slug", child.slug())
                    .add("name", FreeForm.json(Values.rawOr(child.data(), "name", ""), FreeForm.Floats.AS_JAVA))
                    .add("type", FreeForm.json(Values.rawOr(child.data(), "type", ""), FreeForm.Floats.AS_JAVA)));
        }
        return json.add("children", childList).build();
    }

    /** Multi-deck: state deck (or default) without "slug"; an unknown deck id keeps the loaded default map. */
    private static JsonObject currentMap(EncounterMap map, String stateDeckId) {
        if (!map.isMultiDeck()) {
            return map.loadedMapJson(PAYLOAD);
        }
        String deckId = notEmpty(stateDeckId) ? stateDeckId : map.defaultDeck().id();
        return map.deck(deckId).map(d -> map.deckView(d, false, PAYLOAD).json().build())
                .orElseGet(() -> map.loadedMapJson(PAYLOAD));
    }

    static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
