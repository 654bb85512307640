package charon.campaign;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code map/manifest.yaml} of a multi-deck location.
 *
 * @param data    the raw manifest, passed to the display as JSON
 * @param entries the valid deck entries (mapping with id and file), in listed order
 */
record Manifest(Map<String, Object> data, List<Map<String, Object>> entries) {

    /** What the UI shows as the deck count: {@code total_decks}, not computed (default 1). */
    int totalDecks() {
        return Values.intOr(data.get("total_decks"), 1);
    }

    /** First entry with a truthy {@code default}, else the first; null when there are no decks. */
    Map<String, Object> defaultEntry() {
        return entries.stream().filter(e -> Values.truthy(e.get("default"))).findFirst()
                .orElse(entries.isEmpty() ? null : entries.get(0));
    }

    Optional<Map<String, Object>> entry(String id) {
        return entries.stream().filter(e -> id.equals(Values.str(e.get("id")))).findFirst();
    }
}
