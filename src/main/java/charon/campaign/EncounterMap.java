package charon.campaign;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The encounter map of a location: multi-deck (manifest + deck files) or a single map file. */
public final class EncounterMap {

    private final Manifest manifest;        // present whenever map/manifest.yaml loaded, even after a fallback
    private final boolean multiDeck;
    private final List<Deck> decks;
    private final Map<String, Deck> decksById;
    private final Deck defaultDeck;

    private EncounterMap(Manifest manifest, boolean multiDeck, List<Deck> decks, Deck defaultDeck) {
        this.manifest = manifest;
        this.multiDeck = multiDeck;
        this.decks = List.copyOf(decks);
        Map<String, Deck> byId = new LinkedHashMap<>();
        decks.forEach(d -> byId.putIfAbsent(d.id(), d));
        this.decksById = Collections.unmodifiableMap(byId);
        this.defaultDeck = defaultDeck;
    }

    static EncounterMap multi(Manifest manifest, List<Deck> loadedDecks, Deck defaultDeck) {
        return new EncounterMap(manifest, true, loadedDecks, defaultDeck);
    }

    static EncounterMap single(Manifest manifestOrNull, Deck map) {
        return new EncounterMap(manifestOrNull, false, List.of(map), map);
    }

    public boolean isMultiDeck() {
        return multiDeck;
    }

    /** The raw manifest (only for multi-deck maps). */
    public Optional<Map<String, Object>> manifest() {
        return multiDeck ? Optional.of(manifest.data()) : Optional.empty();
    }

    /** Multi-deck: the decks whose files loaded, in manifest order. Single: the one map. */
    public List<Deck> decks() {
        return decks;
    }

    public Deck defaultDeck() {
        return defaultDeck;
    }

    public Optional<Deck> deck(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(decksById.get(id));
    }

    /** Room ids of every deck (what switch-view hides). */
    public List<String> allRoomIds() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        decks.forEach(d -> ids.addAll(d.roomIds()));
        return List.copyOf(ids);
    }

    /** Connection (= door) ids of every deck. */
    public List<String> connectionIds() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        decks.forEach(d -> ids.addAll(d.connectionIds()));
        return List.copyOf(ids);
    }

    /** Manifest {@code total_decks} (default 1); 1 for single maps. */
    public int totalDecks() {
        return manifest == null ? 1 : manifest.totalDecks();
    }

    /** The location's {@code map} object as loaded: multi-deck wrapper on the default deck, or the single map. */
    public Map<String, Object> loadedMapJson() {
        return multiDeck ? deckView(defaultDeck, true) : new LinkedHashMap<>(defaultDeck.data());
    }

    /** {is_multi_deck, manifest, current_deck, current_deck_id[, slug:"manifest"]} for one deck. */
    Map<String, Object> deckView(Deck deck, boolean withSlug) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("is_multi_deck", true);
        json.put("manifest", manifest.data());
        json.put("current_deck", deck.data());
        json.put("current_deck_id", deck.id());
        if (withSlug) {
            json.put("slug", "manifest");
        }
        return json;
    }

    /** §6.13 deck list entries. */
    List<Map<String, Object>> allDecksJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!multiDeck) {
            Map<String, Object> single = new LinkedHashMap<>();
            single.put("id", "single");
            Object name = defaultDeck.data().get("name");
            single.put("name", Values.truthy(name) ? name : "Map");
            single.put("level", 1);
            single.put("rooms", defaultDeck.rooms());
            out.add(single);
            return out;
        }
        List<Deck> byLevel = new ArrayList<>(decks);
        byLevel.sort((a, b) -> Integer.compare(a.level(), b.level()));
        for (Deck d : byLevel) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", d.id());
            entry.put("name", d.name());
            entry.put("level", d.level());
            entry.put("rooms", d.rooms());
            out.add(entry);
        }
        return out;
    }
}
