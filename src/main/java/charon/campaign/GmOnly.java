package charon.campaign;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the campaign keeps on the GM's side. The format's {@code lore} and {@code charon} blocks of a location are
 * the original's LLM context (the GM's notes about the place); besides them any key starting with {@code gm_}
 * (e.g. {@code gm_notes}) and any entry marked {@code gm_only: true} (an NPC, a session log, a crew member)
 * never reach a display.
 */
final class GmOnly {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    static final Set<String> GM_KEYS = Set.of("lore", "charon");
    static final String GM_PREFIX = "gm_";
    static final String MARKER = "gm_only";

    private GmOnly() {
    }

    static boolean isGmKey(String key) {
        return GM_KEYS.contains(key) || key.startsWith(GM_PREFIX);
    }

    /** A copy without the GM's keys (top level: nested values are the players' once their key is). */
    static Map<String, Object> strip(Map<String, Object> data) {
        Map<String, Object> out = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (!isGmKey(key)) {
                out.put(key, value);
            }
        });
        return out;
    }

    /** The same for a document already in JSON (a session log with its HTML). */
    static JsonObject strip(JsonObject data) {
        JsonObjectBuilder out = JSON_P.createObjectBuilder();
        data.forEach((key, value) -> {
            if (!isGmKey(key)) {
                out.add(key, value);
            }
        });
        return out.build();
    }

    static boolean marked(Map<String, Object> entry) {
        return Values.truthy(entry.get(MARKER));
    }

    /**
     * A whole file as players may see it, at every depth: without {@code gm_} keys and without entries marked
     * {@code gm_only: true} (a secret station in a system map, a GM note on a star). For files served whole.
     */
    @SuppressWarnings("unchecked")
    static <T> T deep(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((key, v) -> {
                if (!String.valueOf(key).startsWith(GM_PREFIX) && !isMarked(v)) {
                    out.put(key, deep(v));
                }
            });
            return (T) out;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().filter(v -> !isMarked(v)).map(GmOnly::deep).toList();
        }
        return value;
    }

    private static boolean isMarked(Object value) {
        return value instanceof Map<?, ?> map && Values.truthy(map.get(MARKER));
    }

    /** The entries players may see, each without the GM's keys. */
    static List<Map<String, Object>> forPlayers(List<Map<String, Object>> entries) {
        return entries.stream().filter(e -> !marked(e)).map(GmOnly::strip).toList();
    }
}
