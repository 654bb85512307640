package charon.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Loads {@code <location>/map/} (format §5): manifest + decks, or the single-map fallback. */
final class EncounterMapLoader {

    /** What a map folder holds: the manifest is kept even when the map fell back to a single file. */
    record MapFolder(Manifest manifest, EncounterMap map) {
        static final MapFolder NONE = new MapFolder(null, null);
    }

    private static final List<String> IMAGE_EXTENSIONS = List.of("png", "jpg", "jpeg", "gif", "webp");

    private final YamlFiles yaml;

    EncounterMapLoader(YamlFiles yaml) {
        this.yaml = yaml;
    }

    MapFolder load(Path mapDir) {
        if (!Files.isDirectory(mapDir)) {
            return MapFolder.NONE;
        }
        Manifest manifest = null;
        Path manifestFile = mapDir.resolve("manifest.yaml");
        if (Files.isRegularFile(manifestFile)) {
            Optional<YamlDocument> doc = yaml.readMapping(manifestFile);
            if (doc.isPresent()) {
                manifest = new Manifest(doc.get().map(), deckEntries(doc.get()));
                EncounterMap multi = loadDecks(mapDir, manifest, doc.get());
                if (multi != null) {
                    return new MapFolder(manifest, multi);
                }
            }
        }
        // Fallback, as the original: the first *.yaml other than the manifest (sorted, not glob order).
        for (Path file : DirListing.filesEndingWith(mapDir, ".yaml")) {
            if (file.getFileName().toString().equals("manifest.yaml")) {
                continue;
            }
            Optional<Deck> single = loadMapFile(file, null, null, 1, true, new HashSet<>());
            return new MapFolder(manifest, single.map(d -> EncounterMap.single(null, d)).orElse(null));
        }
        return new MapFolder(manifest, null);
    }

    private List<Map<String, Object>> deckEntries(YamlDocument doc) {
        Object decks = doc.map().get("decks");
        if (decks == null) {
            return List.of();
        }
        List<?> list = Values.asList(decks);
        if (list == null) {
            yaml.problems().add(doc.file(), doc.lineOf("decks"), "'decks' must be a list");
            return List.of();
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> entry = Values.asMap(list.get(i));
            if (entry == null || !Values.truthy(entry.get("id")) || !Values.truthy(entry.get("file"))) {
                yaml.problems().add(doc.file(), doc.lineOf("decks", i), "deck entry needs an 'id' and a 'file'; skipped");
                continue;
            }
            entries.add(entry);
        }
        return List.copyOf(entries);
    }

    /** Multi-deck map, or null when the default deck does not load (then the single-map fallback applies). */
    private EncounterMap loadDecks(Path mapDir, Manifest manifest, YamlDocument manifestDoc) {
        Map<String, Object> defaultEntry = manifest.defaultEntry();
        if (defaultEntry == null) {
            return null;
        }
        Set<String> seenRooms = new HashSet<>(); // room ids must be unique across all decks of a location
        List<Deck> loaded = new ArrayList<>();
        Deck defaultDeck = null;
        List<?> rawEntries = Values.asList(manifestDoc.map().get("decks"));
        for (Map<String, Object> entry : manifest.entries()) {
            String id = Values.str(entry.get("id"));
            String fileName = Values.str(entry.get("file"));
            Path file = mapDir.resolve(fileName).normalize();
            if (!Files.isRegularFile(file)) {
                yaml.problems().add(manifestDoc.file(), manifestDoc.lineOf("decks", rawEntries.indexOf(entry), "file"),
                        "deck '" + id + "' is listed but its file '" + fileName + "' does not exist; deck skipped");
                continue;
            }
            String name = Values.str(entry, "name", id);
            int level = Values.intOr(entry.get("level"), 1);
            boolean isDefault = entry == defaultEntry;
            Optional<Deck> deck = loadMapFile(file, id, name, level, isDefault, seenRooms);
            if (deck.isPresent()) {
                loaded.add(deck.get());
                if (isDefault) {
                    defaultDeck = deck.get();
                }
            }
        }
        return defaultDeck == null ? null : EncounterMap.multi(manifest, loaded, defaultDeck);
    }

    /**
     * One map/deck file. deckId null = single map (id from its own deck_id, name from its name).
     * Rooms without id, duplicate room ids and connections without id are reported and dropped.
     */
    private Optional<Deck> loadMapFile(Path file, String deckId, String deckName, int level, boolean isDefault,
                                       Set<String> seenRooms) {
        Optional<YamlDocument> read = yaml.readMapping(file);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlDocument doc = read.get();
        Map<String, Object> data = new LinkedHashMap<>(doc.map());
        List<String> roomIds = new ArrayList<>();
        if (data.containsKey("rooms")) {
            data.put("rooms", rooms(doc, seenRooms, roomIds));
        }
        List<String> connectionIds = new ArrayList<>();
        if (data.containsKey("connections")) {
            data.put("connections", connections(doc, connectionIds));
        } else if (data.containsKey("doors")) {
            data.put("connections", doorsAsConnections(doc, connectionIds)); // legacy format (§5.3)
        }
        String stem = stem(file);
        data.put("slug", stem);
        imagePath(file, stem).ifPresent(p -> data.put("image_path", p));
        if (deckId != null) {
            data.put("deck_id", deckId); // the manifest id wins over the file's own deck_id
        }
        String id = deckId != null ? deckId : Values.str(data, "deck_id", "");
        String name = deckName != null ? deckName
                : (Values.truthy(data.get("name")) ? Values.str(data.get("name")) : "Map");
        return Optional.of(new Deck(id, name, level, isDefault, Collections.unmodifiableMap(data),
                List.copyOf(roomIds), List.copyOf(connectionIds)));
    }

    private List<Object> rooms(YamlDocument doc, Set<String> seenRooms, List<String> roomIds) {
        List<?> list = Values.asList(doc.map().get("rooms"));
        if (list == null) {
            yaml.problems().add(doc.file(), doc.lineOf("rooms"), "'rooms' must be a list; no rooms loaded");
            return List.of();
        }
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> room = Values.asMap(list.get(i));
            String id = room == null ? null : Values.str(room.get("id"));
            if (id == null || id.isBlank()) {
                yaml.problems().add(doc.file(), doc.lineOf("rooms", i), "room without an 'id'; room skipped");
                continue;
            }
            if (!seenRooms.add(id)) {
                yaml.problems().add(doc.file(), doc.lineOf("rooms", i),
                        "duplicate room id '" + id + "' (room ids must be unique across all decks); room skipped");
                continue;
            }
            roomIds.add(id);
            kept.add(room);
        }
        return Collections.unmodifiableList(kept);
    }

    private List<Object> connections(YamlDocument doc, List<String> connectionIds) {
        List<?> list = Values.asList(doc.map().get("connections"));
        if (list == null) {
            yaml.problems().add(doc.file(), doc.lineOf("connections"), "'connections' must be a list; none loaded");
            return List.of();
        }
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> conn = Values.asMap(list.get(i));
            String id = conn == null ? null : Values.str(conn.get("id"));
            if (id == null || id.isBlank()) {
                yaml.problems().add(doc.file(), doc.lineOf("connections", i),
                        "connection without an 'id' (door status needs it); connection skipped");
                continue;
            }
            connectionIds.add(id);
            kept.add(conn);
        }
        return Collections.unmodifiableList(kept);
    }

    /** Legacy {@code doors[]}: entries naming both rooms become connections (type→door_type, status→door_status). */
    private List<Object> doorsAsConnections(YamlDocument doc, List<String> connectionIds) {
        List<?> list = Values.asList(doc.map().get("doors"));
        if (list == null) {
            yaml.problems().add(doc.file(), doc.lineOf("doors"), "'doors' must be a list; none loaded");
            return List.of();
        }
        List<Object> converted = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> door = Values.asMap(list.get(i));
            String id = door == null ? null : Values.str(door.get("id"));
            if (id == null || id.isBlank()) {
                yaml.problems().add(doc.file(), doc.lineOf("doors", i), "door without an 'id'; door skipped");
                continue;
            }
            if (!Values.truthy(door.get("room_a")) || !Values.truthy(door.get("room_b"))) {
                continue; // the original only converts doors between two rooms
            }
            Map<String, Object> conn = new LinkedHashMap<>();
            conn.put("id", door.get("id"));
            conn.put("from", door.get("room_a"));
            conn.put("to", door.get("room_b"));
            if (door.get("type") != null) {
                conn.put("door_type", door.get("type"));
            }
            if (door.get("status") != null) {
                conn.put("door_status", door.get("status"));
            }
            connectionIds.add(id);
            converted.add(Collections.unmodifiableMap(conn));
        }
        return Collections.unmodifiableList(converted);
    }

    /** Campaign-relative path of an image with the same stem, as the display expects (it prefixes /data/). */
    private Optional<String> imagePath(Path file, String stem) {
        for (String ext : IMAGE_EXTENSIONS) {
            Path image = file.resolveSibling(stem + "." + ext);
            if (Files.isRegularFile(image)) {
                return Optional.of(yaml.paths().relative(image));
            }
        }
        return Optional.empty();
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
