package charon.campaign;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The encounter map of a location: multi-deck (manifest + deck files) or a single map file. */
public final class EncounterMap {

    private final Manifest manifest;        // present whenever map/manifest.yaml loaded, even after a fallback
    private final boolean multiDeck;
    private final List<Deck> decks;
    private final Map<String, Deck> decksById;
    private final Deck defaultDeck;
    // converted once (the payload is built on every change), in each way of writing floats (FreeForm.Floats)
    private final Map<FreeForm.Floats, Once<JsonObject>> manifestJson = new java.util.EnumMap<>(FreeForm.Floats.class);
    private final Map<FreeForm.Floats, Map<Deck, Once<JsonObject>>> deckJson = new java.util.EnumMap<>(FreeForm.Floats.class);

    private EncounterMap(Manifest manifest, boolean multiDeck, List<Deck> decks, Deck defaultDeck) {
        this.manifest = manifest;
        this.multiDeck = multiDeck;
        this.decks = List.copyOf(decks);
        Map<String, Deck> byId = new LinkedHashMap<>();
        decks.forEach(d -> byId.putIfAbsent(d.id(), d));
        this.decksById = Collections.unmodifiableMap(byId);
        this.defaultDeck = defaultDeck;
        for (FreeForm.Floats floats : FreeForm.Floats.values()) {
            manifestJson.put(floats, new Once<>(() -> FreeForm.object(manifest.data(), floats)));
            Map<Deck, Once<JsonObject>> json = new java.util.IdentityHashMap<>();
            decks.forEach(d -> json.put(d, new Once<>(() -> FreeForm.object(d.data(), floats))));
            deckJson.put(floats, json);
        }
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

    /** The manifest as written (free-form: the campaign's file), only for multi-deck maps. */
    public Optional<JsonObject> manifest() {
        return multiDeck ? Optional.of(manifestJson.get(FreeForm.Floats.AS_JSONP).get()) : Optional.empty();
    }

    /** The manifest file, for readers of its entries (only for multi-deck maps). */
    Optional<Manifest> manifestFile() {
        return multiDeck ? Optional.of(manifest) : Optional.empty();
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
    JsonObject loadedMapJson(FreeForm.Floats floats) {
        return multiDeck ? deckView(defaultDeck, true, floats).json().build() : json(defaultDeck, floats);
    }

    /** The multi-deck wrapper on one deck, as loaded. */
    DeckView deckView(Deck deck, boolean slugManifest, FreeForm.Floats floats) {
        return new DeckView(manifestJson.get(floats).get(), json(deck, floats), deck.id(), slugManifest);
    }

    /** A deck's map object as loaded (free-form: the campaign's file plus the loader's keys). */
    JsonObject json(Deck deck, FreeForm.Floats floats) {
        Once<JsonObject> json = deckJson.get(floats).get(deck);
        return json != null ? json.get() : FreeForm.object(deck.data(), floats);
    }

    /** §6.13 deck list entries by level, each deck's rooms as {@code rooms} gives them (all, or the revealed ones). */
    List<DeckRooms> allDecksJson(Function<List<?>, JsonArray> rooms) {
        if (!multiDeck) {
            Object name = defaultDeck.data().get("name");
            return List.of(new DeckRooms("single", FreeForm.json(Values.truthy(name) ? name : "Map"), 1,
                    rooms.apply(defaultDeck.rooms())));
        }
        List<Deck> byLevel = new ArrayList<>(decks);
        byLevel.sort((a, b) -> Integer.compare(a.level(), b.level()));
        List<DeckRooms> out = new ArrayList<>();
        for (Deck d : byLevel) {
            out.add(new DeckRooms(d.id(), FreeForm.json(d.name()), d.level(), rooms.apply(d.rooms())));
        }
        return out;
    }
}
