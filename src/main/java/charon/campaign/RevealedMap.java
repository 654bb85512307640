package charon.campaign;

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
    Map<String, Object> mapJson(Deck deck, boolean withSlug) {
        if (!map.isMultiDeck()) {
            return deckJson(deck);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("is_multi_deck", true);
        json.put("manifest", manifestJson());
        json.put("current_deck", deckJson(deck));
        json.put("current_deck_id", deck.id());
        if (withSlug) {
            json.put("slug", "manifest");
        }
        return json;
    }

    /** §6.13 deck entries with only the revealed rooms. */
    List<Map<String, Object>> allDecksJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> entry : map.allDecksJson()) {
            Map<String, Object> copy = new LinkedHashMap<>(entry);
            copy.put("rooms", revealedRooms(entry.get("rooms")));
            out.add(copy);
        }
        return out;
    }

    Optional<Map<String, Object>> manifest() {
        return map.isMultiDeck() ? Optional.of(manifestJson()) : Optional.empty();
    }

    EncounterMap map() {
        return map;
    }

    /** The manifest without what only the GM reads (deck descriptions often name the rooms, file names). */
    private Map<String, Object> manifestJson() {
        Map<String, Object> raw = map.manifest().orElse(Map.of());
        Map<String, Object> json = keep(raw, MANIFEST_KEYS);
        List<Map<String, Object>> decks = new ArrayList<>();
        for (Map<?, ?> deck : listOfMaps(raw.get("decks"))) {
            decks.add(keep(deck, MANIFEST_DECK_KEYS));
        }
        json.put("decks", decks);
        return json;
    }

    private Map<String, Object> deckJson(Deck deck) {
        Map<String, Object> data = deck.data();
        Map<String, Object> json = keep(data, DECK_KEYS);
        if (data.get("rooms") instanceof List && data.get("grid") instanceof Map) {
            // drawn room by room: the deck's picture would show the hidden rooms too (and displays never use it)
            json.remove("image_path");
        }
        List<Map<?, ?>> allRooms = listOfMaps(data.get("rooms"));
        if (data.get("rooms") != null) {
            json.put("rooms", revealedRooms(data.get("rooms")));
            bounds(allRooms).ifPresent(b -> json.put("room_bounds", b));
        }
        if (data.get("connections") != null) {
            json.put("connections", connectionsJson(listOfMaps(data.get("connections"))));
        }
        if (data.get("terminals") != null) {
            json.put("terminals", inRevealedRooms(data.get("terminals"), TERMINAL_KEYS));
        }
        if (data.get("poi") != null) {
            json.put("poi", inRevealedRooms(data.get("poi"), POI_KEYS));
        }
        return json;
    }

    private List<Map<String, Object>> revealedRooms(Object roomList) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<?, ?> room : listOfMaps(roomList)) {
            if (roomShown(text(room.get("id")))) {
                out.add(keep(room, ROOM_KEYS));
            }
        }
        return out;
    }

    private List<Map<String, Object>> connectionsJson(List<Map<?, ?>> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<?, ?> c : list) {
            String id = text(c.get("id"));
            String from = text(c.get("from"));
            String to = text(c.get("to"));
            boolean fromShown = roomShown(from);
            boolean toShown = roomShown(to);
            if (fromShown && toShown) {
                out.add(keep(c, CONNECTION_KEYS));
            } else if ((fromShown || toShown) && Values.truthy(c.get("door_type"))) {
                // a door seen from the revealed side only: where it is, not where it leads
                Map<String, Object> door = keep(c, Set.of("door_type", "door_status"));
                door.put("id", opaque(id));
                door.put("from", fromShown ? from : to);
                door.put("to", "");
                door.put("door_at", DoorAnchor.of(rooms.get(from), rooms.get(to), fromShown));
                out.add(door);
            }
        }
        return out;
    }

    /** POIs and map terminals of revealed rooms; those outside any room stay (the display's rule). */
    private List<Map<String, Object>> inRevealedRooms(Object list, Set<String> keys) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<?, ?> item : listOfMaps(list)) {
            String room = text(item.get("room"));
            if (room.isEmpty() || roomShown(room)) {
                out.add(keep(item, keys));
            }
        }
        return out;
    }

    /** The outline of every room together, so revealing a room never shifts the display's layout. */
    private static Optional<Map<String, Object>> bounds(List<Map<?, ?>> rooms) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Map<?, ?> r : rooms) {
            if (r.get("x") instanceof Number x && r.get("y") instanceof Number y
                    && r.get("width") instanceof Number w && r.get("height") instanceof Number h) {
                x0 = Math.min(x0, x.doubleValue());
                y0 = Math.min(y0, y.doubleValue());
                x1 = Math.max(x1, x.doubleValue() + w.doubleValue());
                y1 = Math.max(y1, y.doubleValue() + h.doubleValue());
            }
        }
        if (x0 > x1) {
            return Optional.empty();
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("x", x0);
        b.put("y", y0);
        b.put("width", x1 - x0);
        b.put("height", y1 - y0);
        return Optional.of(b);
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

    private static Map<String, Object> keep(Map<?, ?> source, Set<String> keys) {
        Map<String, Object> out = new LinkedHashMap<>();
        source.forEach((key, value) -> {
            if (keys.contains(String.valueOf(key))) {
                out.put(String.valueOf(key), value);
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
