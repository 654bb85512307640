package charon.campaign;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import charon.view.PlayerState;

/**
 * One location's encounter map as players may see it under one room visibility: hidden rooms absent (ids,
 * names, outlines), doors only where a revealed room touches them, POIs and map terminals only in revealed rooms.
 * A door between a revealed and a hidden room is shown on the revealed room's edge with an opaque id (connection
 * ids often name both rooms) and without the other end. Built once per state version (see {@link PlayerViewData}).
 */
final class RevealedMap {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    static final Set<String> DECK_KEYS = Set.of("deck_id", "name", "location_name", "slug", "image_path", "grid");
    static final Set<String> ROOM_KEYS = Set.of("id", "name", "x", "y", "width", "height", "description", "status");
    static final Set<String> POI_KEYS = Set.of("id", "type", "room", "position", "name", "icon", "status", "description");
    static final Set<String> TERMINAL_KEYS = Set.of("id", "room", "position", "terminal_slug", "name");
    static final Set<String> CONNECTION_KEYS = Set.of("id", "from", "to", "door_type", "door_status");
    static final Set<String> MANIFEST_KEYS = Set.of("name", "facility_type", "total_decks");
    static final Set<String> MANIFEST_DECK_KEYS = Set.of("id", "name", "level", "default");

    /** Kept in the data folder (DoorKey): an opaque door id cannot be turned back into its connection id, even by guessing names. */
    private static final byte[] DOOR_KEY = DoorKey.load();

    private final EncounterMap map;
    private final Map<String, Boolean> visibility;
    private final Map<String, Map<?, ?>> rooms = new LinkedHashMap<>();
    private final Map<String, Map<?, ?>> connections = new LinkedHashMap<>();

    RevealedMap(EncounterMap map, Map<String, Boolean> visibility) {
        this.map = map;
        this.visibility = visibility;
        for (Deck deck : map.decks()) {
            listOfMaps(deck.data().get("rooms")).forEach(r -> rooms.putIfAbsent(text(r.get("id")), r));
            listOfMaps(deck.data().get("connections")).forEach(c -> connections.putIfAbsent(text(c.get("id")), c));
        }
    }

    boolean roomShown(String roomId) {
        return rooms.containsKey(roomId) && PlayerState.roomShown(visibility, roomId);
    }

    /** The id players know a door by: its own when both rooms are revealed, an opaque one when one is, else null. */
    String publicDoorId(String connectionId) {
        Map<?, ?> connection = connections.get(connectionId);
        if (connection == null) {
            return null;
        }
        boolean from = roomShown(text(connection.get("from")));
        boolean to = roomShown(text(connection.get("to")));
        if (from && to) {
            return connectionId;
        }
        return from || to ? opaque(connectionId) : null;
    }

    /** Comm terminals whose map icon stands in a hidden room (of any deck): their slugs. */
    Set<String> terminalsInHiddenRooms() {
        Set<String> hidden = new HashSet<>();
        for (Deck deck : map.decks()) {
            for (Map<?, ?> t : listOfMaps(deck.data().get("terminals"))) {
                String room = text(t.get("room"));
                String slug = text(t.get("terminal_slug"));
                if (!room.isEmpty() && !slug.isEmpty() && !roomShown(room)) {
                    hidden.add(slug);
                }
            }
        }
        return hidden;
    }

    /** The {@code map} object of location_data / §6.12 for one deck, as players may see it. */
    JsonObjectBuilder mapJson(Deck deck, boolean withSlug, FreeForm.Floats floats) {
        if (!map.isMultiDeck()) {
            return deckJson(deck, floats);
        }
        return new DeckView(manifestJson(floats), deckJson(deck, floats).build(), deck.id(), withSlug).json();
    }

    /** §6.13 deck entries with only the revealed rooms. */
    List<DeckRooms> allDecksJson() {
        return map.allDecksJson(rooms -> revealedRooms(rooms, FreeForm.Floats.AS_JSONP));
    }

    Optional<JsonObject> manifest() {
        return map.isMultiDeck() ? Optional.of(manifestJson(FreeForm.Floats.AS_JSONP)) : Optional.empty();
    }

    EncounterMap map() {
        return map;
    }

    /** The manifest without what only the GM reads (deck descriptions often name the rooms, file names). */
    private JsonObject manifestJson(FreeForm.Floats floats) {
        Map<String, Object> raw = map.manifestFile().map(Manifest::data).orElse(Map.of());
        JsonObjectBuilder json = keep(raw, MANIFEST_KEYS, floats);
        JsonArrayBuilder decks = JSON_P.createArrayBuilder();
        for (Map<?, ?> deck : listOfMaps(raw.get("decks"))) {
            decks.add(keep(deck, MANIFEST_DECK_KEYS, floats));
        }
        return json.add("decks", decks).build();
    }

    private JsonObjectBuilder deckJson(Deck deck, FreeForm.Floats floats) {
        Map<String, Object> data = deck.data();
        JsonObjectBuilder json = keep(data, DECK_KEYS, floats);
        if (data.get("rooms") instanceof List && data.get("grid") instanceof Map) {
            // drawn room by room: the deck's picture would show the hidden rooms too (and displays never use it)
            json.remove("image_path");
        }
        if (data.get("rooms") != null) {
            json.add("rooms", revealedRooms(data.get("rooms"), floats));
            RoomBounds.of(listOfMaps(data.get("rooms"))).ifPresent(b -> json.add("room_bounds", b.json(floats)));
        }
        if (data.get("connections") != null) {
            json.add("connections", connectionsJson(listOfMaps(data.get("connections")), floats));
        }
        if (data.get("terminals") != null) {
            json.add("terminals", inRevealedRooms(data.get("terminals"), TERMINAL_KEYS, floats));
        }
        if (data.get("poi") != null) {
            json.add("poi", inRevealedRooms(data.get("poi"), POI_KEYS, floats));
        }
        return json;
    }

    private JsonArray revealedRooms(Object roomList, FreeForm.Floats floats) {
        JsonArrayBuilder out = JSON_P.createArrayBuilder();
        for (Map<?, ?> room : listOfMaps(roomList)) {
            if (roomShown(text(room.get("id")))) {
                out.add(keep(room, ROOM_KEYS, floats));
            }
        }
        return out.build();
    }

    private JsonArray connectionsJson(List<Map<?, ?>> list, FreeForm.Floats floats) {
        JsonArrayBuilder out = JSON_P.createArrayBuilder();
        for (Map<?, ?> c : list) {
            String id = text(c.get("id"));
            String from = text(c.get("from"));
            String to = text(c.get("to"));
            boolean fromShown = roomShown(from);
            boolean toShown = roomShown(to);
            if (fromShown && toShown) {
                out.add(keep(c, CONNECTION_KEYS, floats));
            } else if ((fromShown || toShown) && Values.truthy(c.get("door_type"))) {
                // a door seen from the revealed side only: where it is, not where it leads
                out.add(keep(c, Set.of("door_type", "door_status"), floats)
                        .add("id", opaque(id))
                        .add("from", fromShown ? from : to)
                        .add("to", "")
                        .add("door_at", DoorAnchor.of(rooms.get(from), rooms.get(to), fromShown).json(floats)));
            }
        }
        return out.build();
    }

    /** POIs and map terminals of revealed rooms; those outside any room stay (the display's rule). */
    private JsonArray inRevealedRooms(Object list, Set<String> keys, FreeForm.Floats floats) {
        JsonArrayBuilder out = JSON_P.createArrayBuilder();
        for (Map<?, ?> item : listOfMaps(list)) {
            String room = text(item.get("room"));
            if (room.isEmpty() || roomShown(room)) {
                out.add(keep(item, keys, floats));
            }
        }
        return out.build();
    }

    static String opaque(String connectionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(DOOR_KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal(connectionId.getBytes(StandardCharsets.UTF_8));
            return "door-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The listed keys of a free-form entry, in the file's order, with the values as written. */
    private static JsonObjectBuilder keep(Map<?, ?> source, Set<String> keys, FreeForm.Floats floats) {
        JsonObjectBuilder out = JSON_P.createObjectBuilder();
        source.forEach((key, value) -> {
            if (keys.contains(String.valueOf(key))) {
                out.add(String.valueOf(key), FreeForm.json(value, floats));
            }
        });
        return out;
    }

    private static String text(Object value) {
        String s = Values.str(value);
        return s == null ? "" : s;
    }

    static List<Map<?, ?>> listOfMaps(Object value) {
        List<?> list = Values.asList(value);
        if (list == null) {
            return List.of();
        }
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> m) {
                out.add(m);
            }
        }
        return out;
    }
}
