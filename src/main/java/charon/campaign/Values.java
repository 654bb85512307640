package charon.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for the loosely typed values SnakeYAML produces. Campaign files are written by hand,
 * so every accessor tolerates missing keys and unexpected types instead of throwing.
 */
final class Values {

    private Values() {
    }

    /** Deep, insertion-ordered, unmodifiable copy with String keys (JSON object keys are strings anyway). */
    static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap(map);
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(freeze(item));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof byte[] bytes) {
            return java.util.Base64.getEncoder().encodeToString(bytes); // !!binary: keep it JSON-writable
        }
        return value;
    }

    static Map<String, Object> freezeMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }

    static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : null;
    }

    /** String form of a scalar, or null. */
    static String str(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime dt) {
            return Timestamps.iso(dt);
        }
        return value.toString();
    }

    static String str(Map<String, Object> map, String key, String fallback) {
        String s = map == null ? null : str(map.get(key));
        return s == null ? fallback : s;
    }

    /** The raw value if present and not null, else the fallback (JSON pass-through keeps YAML types). */
    static Object rawOr(Map<String, Object> map, String key, Object fallback) {
        Object v = map == null ? null : map.get(key);
        return v == null ? fallback : v;
    }

    /** Python truthiness, which the original used for flags like {@code default} and {@code is_orbital}. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    static int intOr(Object value, int fallback) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    static boolean isDateLike(Object value) {
        return value instanceof LocalDate || value instanceof LocalDateTime;
    }
}
