package charon.campaign;

import java.util.LinkedHashMap;
import java.util.Map;

import charon.view.ShipSystemOverride;

/** ship.yaml with runtime system overrides merged (§12.4). */
final class ShipJson {

    private ShipJson() {
    }

    /** Fresh copy; each override shallow-updates an existing ship.systems entry (unknown systems ignored). */
    static Map<String, Object> merged(Map<String, Object> shipDocument, Map<String, ? extends Map<String, ?>> overrides) {
        Map<String, Object> doc = Values.thawMap(shipDocument);
        Map<String, Object> systems = Values.asMap(Values.asMap(doc.get("ship")) == null ? null
                : Values.asMap(doc.get("ship")).get("systems"));
        if (systems == null || overrides == null) {
            return doc;
        }
        overrides.forEach((system, override) -> {
            Map<String, Object> target = Values.asMap(systems.get(system));
            if (target != null && override != null) {
                override.forEach(target::put);
            }
        });
        return doc;
    }

    /** The GM's overrides as the keys they set on a system: status, and condition and info when given. */
    static Map<String, Map<String, Object>> overrides(Map<String, ShipSystemOverride> overrides) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        overrides.forEach((system, override) -> {
            Map<String, Object> keys = new LinkedHashMap<>();
            keys.put("status", override.status());
            if (override.condition() != null) {
                keys.put("condition", override.condition());
            }
            if (override.info() != null) {
                keys.put("info", override.info());
            }
            out.put(system, keys);
        });
        return out;
    }
}
