package charon.journal;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import charon.json.Json;
import charon.view.ActiveView;
import charon.view.BridgeView;
import charon.view.CharonMode;
import charon.view.DoorStatus;
import charon.view.EncounterMemory;
import charon.view.ShipSystemOverride;
import charon.view.SoundAlert;
import charon.view.SoundState;
import charon.view.TableState;
import charon.view.Token;
import charon.view.ViewType;

/**
 * The journal's text of a table state: the JSON-B form (snake_case, as the payload). Read back through JSON-P so
 * that every map keeps its order (JSON-B would read maps into hash maps), so a restored view serializes to
 * exactly the bytes the displays saw. Anything missing or malformed throws: the row is then unreadable.
 */
final class TableStateCodec {

    private TableStateCodec() {
    }

    static String write(TableState state) {
        return Json.write(state);
    }

    static TableState read(String text) {
        try (var reader = charon.json.Json.jsonP().createReader(new StringReader(text))) {
            JsonObject root = reader.readObject();
            Map<String, EncounterMemory> memories = new LinkedHashMap<>();
            root.getJsonObject("memories").forEach((slug, memory) -> memories.put(slug, memory(memory.asJsonObject())));
            // rows written before the table had sound have none: the default sound
            SoundState sound = root.containsKey("sound") ? sound(root.getJsonObject("sound")) : SoundState.START;
            return new TableState(view(root.getJsonObject("view")), memories, bridge(root), sound);
        }
    }

    /** Rows written before the bridge was part of the state have none: the bridge then starts on the galaxy. */
    private static BridgeView bridge(JsonObject root) {
        if (!root.containsKey("bridge")) {
            return BridgeView.START;
        }
        JsonObject b = root.getJsonObject("bridge");
        return new BridgeView(BridgeView.Tab.valueOf(b.getString("tab")), BridgeView.Level.valueOf(b.getString("map_level")),
                b.getString("system_slug"), b.getString("body_slug"), b.getString("selected"), b.getString("person"),
                b.getString("log"));
    }

    private static ActiveView view(JsonObject v) {
        return new ActiveView(ViewType.valueOf(v.getString("view_type")), v.getString("location_slug"), v.getString("view_slug"),
                v.getString("overlay_location_slug"), v.getString("overlay_terminal_slug"),
                CharonMode.valueOf(v.getString("charon_mode")), v.getString("charon_location_path"),
                v.getBoolean("charon_dialog_open"), v.getString("charon_active_channel"),
                v.getInt("encounter_level"), v.getString("encounter_deck_id"),
                map(v, "encounter_room_visibility", Boolean.class), doors(v, "encounter_door_status"),
                map(v, "encounter_tokens", Token.class), strings(v, "encounter_active_portraits"),
                map(v, "ship_system_overrides", ShipSystemOverride.class));
    }

    private static SoundState sound(JsonObject s) {
        SoundAlert alert = null;
        if (s.containsKey("alert") && !s.isNull("alert")) {
            JsonObject a = s.getJsonObject("alert");
            alert = new SoundAlert(a.getString("name"), a.getJsonNumber("sequence").longValueExact(), a.getString("at"));
        }
        Map<String, String> ambience = new LinkedHashMap<>();
        s.getJsonObject("ambience").forEach((view, name) -> ambience.put(ViewType.valueOf(view).name(), ((JsonString) name).getString()));
        return new SoundState(alert, ambience, s.getInt("level"));
    }

    private static EncounterMemory memory(JsonObject m) {
        return new EncounterMemory(m.getInt("level"), m.getString("deck_id"), map(m, "room_visibility", Boolean.class),
                doors(m, "door_status"), map(m, "tokens", Token.class), strings(m, "active_portraits"));
    }

    private static <V> Map<String, V> map(JsonObject owner, String field, Class<V> type) {
        Map<String, V> out = new LinkedHashMap<>();
        owner.getJsonObject(field).forEach((key, value) -> out.put(key, Json.jsonb().fromJson(value.toString(), type)));
        return out;
    }

    private static Map<String, DoorStatus> doors(JsonObject owner, String field) {
        Map<String, DoorStatus> out = new LinkedHashMap<>();
        owner.getJsonObject(field).forEach((key, value) -> out.put(key, DoorStatus.valueOf(((JsonString) value).getString())));
        return out;
    }

    private static List<String> strings(JsonObject owner, String field) {
        return owner.getJsonArray(field).stream().map(value -> ((JsonString) value).getString()).toList();
    }
}
