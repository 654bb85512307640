package charon.campaign;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The {@code map} object of a multi-deck location (§6.12, location_data.map): the manifest and the deck on show. The
 * GM's carries the files as loaded, the players' their revealed part ({@link RevealedMap}).
 *
 * @param manifest      the manifest (free-form: the campaign's file)
 * @param currentDeck   the deck's map object (free-form: the campaign's file plus the loader's keys)
 * @param currentDeckId the deck's id
 * @param slugManifest  whether the object also says {@code "slug": "manifest"} (the endpoint and the fallback do)
 */
record DeckView(JsonObject manifest, JsonObject currentDeck, String currentDeckId, boolean slugManifest) {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    /** {is_multi_deck, manifest, current_deck, current_deck_id[, slug]}, open for the endpoint's own keys. */
    JsonObjectBuilder json() {
        JsonObjectBuilder json = JSON_P.createObjectBuilder()
                .add("is_multi_deck", true)
                .add("manifest", manifest)
                .add("current_deck", currentDeck)
                .add("current_deck_id", currentDeckId);
        if (slugManifest) {
            json.add("slug", "manifest");
        }
        return json;
    }
}
