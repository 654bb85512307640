package charon.campaign;

import java.util.Map;

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
}
