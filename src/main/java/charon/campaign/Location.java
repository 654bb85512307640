package charon.campaign;

import jakarta.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A location of the galaxy tree: one directory with its location.yaml. The slug is the directory name.
 * Holds no server path: {@code directory} of the original is gone on purpose.
 */
public final class Location {

    private final String slug;
    private final List<String> path;
    private final Map<String, Object> data;
    private final Once<JsonObject> dataJson;            // converted once: the payload is built on every change
    private final Once<JsonObject> playersDataJson;
    private final Manifest manifest;
    private final EncounterMap map;
    private final List<Terminal> terminals;
    private final Map<String, Terminal> terminalsBySlug;
    private final List<Location> children;

    Location(String slug, List<String> path, Map<String, Object> data, Manifest manifest, EncounterMap map,
             List<Terminal> terminals, List<Location> children) {
        this.slug = slug;
        this.path = List.copyOf(path);
        this.data = data;
        this.dataJson = new Once<>(() -> FreeForm.object(data, FreeForm.Floats.AS_JAVA));
        this.playersDataJson = new Once<>(() -> FreeForm.object(GmOnly.strip(data), FreeForm.Floats.AS_JAVA));
        this.manifest = manifest;
        this.map = map;
        this.terminals = List.copyOf(terminals);
        Map<String, Terminal> bySlug = new LinkedHashMap<>();
        terminals.forEach(t -> bySlug.putIfAbsent(t.slug(), t));
        this.terminalsBySlug = Collections.unmodifiableMap(bySlug);
        this.children = List.copyOf(children);
    }

    public String slug() {
        return slug;
    }

    /** Slugs from the system (root) down to this location, e.g. [sol, earth, uscss_morrigan]. */
    public List<String> path() {
        return path;
    }

    /** The real parent (path[-2]); the original used path[0]. Empty for systems. */
    public Optional<String> parentSlug() {
        return path.size() >= 2 ? Optional.of(path.get(path.size() - 2)) : Optional.empty();
    }

    public String systemSlug() {
        return path.get(0);
    }

    /** location.yaml as an ordered, unmodifiable mapping ({name: slug} when the file is missing or broken). */
    public Map<String, Object> data() {
        return data;
    }

    /** location.yaml as written (free-form: the campaign's file), for the payload (its floats: {@link FreeForm.Floats}). */
    public JsonObject dataJson() {
        return dataJson.get();
    }

    /** location.yaml without the GM's keys ({@link GmOnly#strip}). */
    JsonObject playersDataJson() {
        return playersDataJson.get();
    }

    public String name() {
        return Values.str(data, "name", "");
    }

    /** location.yaml {@code type}, or "" when absent. */
    public String type() {
        return Values.str(data, "type", "");
    }

    public String status() {
        return Values.str(data, "status", "");
    }

    public String description() {
        return Values.str(data, "description", "");
    }

    public boolean hasMap() {
        return map != null;
    }

    public Optional<EncounterMap> map() {
        return Optional.ofNullable(map);
    }

    /** map/manifest.yaml {@code total_decks}, when a manifest exists (even if the map fell back to a single file). */
    public Optional<Integer> manifestTotalDecks() {
        return manifest == null ? Optional.empty() : Optional.of(manifest.totalDecks());
    }

    Manifest manifest() {
        return manifest;
    }

    public List<Terminal> terminals() {
        return terminals;
    }

    public Optional<Terminal> terminal(String terminalSlug) {
        return Optional.ofNullable(terminalsBySlug.get(terminalSlug));
    }

    public List<Location> children() {
        return children;
    }
}
