package charon.campaign;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The location keys of the active-view payload (§10.2) for an ENCOUNTER view, the GM's or the players'.
 *
 * @param locationType        location.yaml {@code type} as written, or "unknown"
 * @param locationName        location.yaml {@code name} as written, or ""
 * @param locationData        location.yaml (free-form: the campaign's file) with the server's keys, see {@link LocationJson}
 * @param encounterTotalDecks the manifest's {@code total_decks}; null (no key) without a manifest
 * @param encounterDeckName   the shown deck's name in the manifest; null (no key) when it has none
 */
@JsonbPropertyOrder({"locationType", "locationName", "locationData", "locationPath", "encounterTotalDecks", "encounterDeckName"})
public record LocationKeys(JsonValue locationType, JsonValue locationName, JsonObject locationData,
                           List<String> locationPath, Integer encounterTotalDecks, JsonValue encounterDeckName) {

    /** The keys of one location, its data as the audience may see it. */
    static LocationKeys of(Location location, String stateDeckId, JsonObject locationData) {
        Integer totalDecks = null;
        JsonValue deckName = null;
        Manifest manifest = location.manifest();
        if (manifest != null) {
            totalDecks = manifest.totalDecks();
            String deckId = LocationJson.notEmpty(stateDeckId) ? stateDeckId : defaultId(manifest);
            if (deckId != null) {
                deckName = manifest.entry(deckId).map(e -> e.get("name")).map(n -> FreeForm.json(n, FreeForm.Floats.AS_JAVA))
                        .orElse(null);
            }
        }
        return new LocationKeys(FreeForm.json(Values.rawOr(location.data(), "type", "unknown"), FreeForm.Floats.AS_JAVA),
                FreeForm.json(Values.rawOr(location.data(), "name", ""), FreeForm.Floats.AS_JAVA), locationData,
                location.path(), totalDecks, deckName);
    }

    private static String defaultId(Manifest manifest) {
        Map<String, Object> entry = manifest.defaultEntry();
        return entry == null ? null : Values.str(entry.get("id"));
    }

    /** Into the payload, whose keys are flat: the same keys, in the same order, as this record's JSON. */
    public void addTo(BiConsumer<String, Object> payload) {
        payload.accept("location_type", locationType);
        payload.accept("location_name", locationName);
        payload.accept("location_data", locationData);
        payload.accept("location_path", locationPath);
        if (encounterTotalDecks != null) {
            payload.accept("encounter_total_decks", encounterTotalDecks);
        }
        if (encounterDeckName != null) {
            payload.accept("encounter_deck_name", encounterDeckName);
        }
    }
}
