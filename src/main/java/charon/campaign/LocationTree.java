package charon.campaign;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/**
 * The GM's location tree, {@code GET /api/gm/locations/} (§3.1). Names, types, statuses and descriptions are the
 * campaign's values as written ({@code ""} when missing).
 */
public record LocationTree(List<Node> locations) {

    @JsonbPropertyOrder({"slug", "name", "type", "status", "description", "hasMap", "terminals", "children"})
    public record Node(String slug, JsonValue name, JsonValue type, JsonValue status, JsonValue description,
                       boolean hasMap, List<TerminalEntry> terminals, List<Node> children) {
    }

    static LocationTree of(List<Location> systems) {
        return new LocationTree(nodes(systems));
    }

    private static List<Node> nodes(List<Location> locations) {
        return locations.stream().map(l -> new Node(l.slug(), raw(l, "name"), raw(l, "type"), raw(l, "status"),
                raw(l, "description"), l.hasMap(), l.terminals().stream().map(Terminal::treeJson).toList(),
                nodes(l.children()))).toList();
    }

    private static JsonValue raw(Location location, String key) {
        return FreeForm.json(Values.rawOr(location.data(), key, ""));
    }
}
