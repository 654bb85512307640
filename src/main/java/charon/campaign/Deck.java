package charon.campaign;

import java.util.List;
import java.util.Map;

/**
 * One drawable map: a deck of a multi-deck manifest, or the single map file of a location.
 *
 * @param id            manifest deck id; for a single map its {@code deck_id} or ""
 * @param name          manifest deck name (default: id); for a single map its {@code name} or "Map"
 * @param level         manifest level (default 1); 1 for a single map
 * @param isDefault     the deck shown first (first with truthy {@code default}, else the first listed)
 * @param data          the map object passed to the display as JSON: file keys plus {@code slug},
 *                      {@code image_path} (relative to the campaign root, if an image of the same stem
 *                      exists), {@code deck_id}; broken rooms/connections removed; legacy doors converted
 * @param roomIds       ids of the rooms kept
 * @param connectionIds ids of the connections kept (door id = connection id)
 */
public record Deck(String id, String name, int level, boolean isDefault, Map<String, Object> data,
                   List<String> roomIds, List<String> connectionIds) {

    /** The deck's rooms list as in the map object ([] when the file has none). */
    public List<?> rooms() {
        List<?> rooms = Values.asList(data.get("rooms"));
        return rooms == null ? List.of() : rooms;
    }
}
