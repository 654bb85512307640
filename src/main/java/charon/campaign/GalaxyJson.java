package charon.campaign;

import charon.errors.BrokenData;
import charon.errors.NotFound;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Star, system and orbit map endpoints with the server additions of format §7. The files are the campaign's own
 * (free-form); the server adds keys to the entries of one list.
 */
final class GalaxyJson {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    private GalaxyJson() {
    }

    static JsonObject starMap(GalaxyMapsLoader.StarMapFile file, Set<String> systemsWithMap) {
        if (file.data() == null && file.error() == null) {
            throw new NotFound("Star map data not found", new CampaignErrors.StarMapMissing("Star map data not found"));
        }
        if (file.data() == null) {
            String error = "Error loading star map: " + file.error();
            throw new BrokenData(error, new CampaignErrors.StarMapMissing(error));
        }
        return withEntryKeys(file.data(), "systems", (system, json) -> {
            String slug = Values.str(system.get("location_slug"));
            json.add("has_system_map", slug != null && !slug.isEmpty() && systemsWithMap.contains(slug));
        });
    }

    /** The /terminal/ page's star systems: [{name, hasSystemMap}] for the labelled systems of the star map. */
    static List<StarSystemLabel> labelledSystems(GalaxyMapsLoader.StarMapFile file, Set<String> systemsWithMap) {
        List<StarSystemLabel> out = new ArrayList<>();
        List<?> systems = file.data() == null ? null : Values.asList(file.data().get("systems"));
        if (systems == null) {
            return out;
        }
        for (Object s : systems) {
            if (s instanceof Map<?, ?> system && Values.truthy(system.get("label"))) {
                String slug = Values.str(system.get("location_slug"));
                out.add(new StarSystemLabel(FreeForm.json(system.get("name")),
                        slug != null && !slug.isEmpty() && systemsWithMap.contains(slug)));
            }
        }
        return out;
    }

    static JsonObject systemMap(Campaign campaign, String system, Map<String, Object> file) {
        if (file == null) {
            String error = "System map not found for " + system;
            throw new NotFound(error, new CampaignErrors.MapMissing(error, system, null));
        }
        return withEntryKeys(file, "bodies", (body, json) -> addCounts(campaign, system, body, json));
    }

    /**
     * The file as written, each mapping of its list {@code listKey} with the keys {@code add} puts after (or over) its
     * own; anything else in the list as it is.
     */
    private static JsonObject withEntryKeys(Map<String, Object> file, String listKey,
                                            BiConsumer<Map<?, ?>, JsonObjectBuilder> add) {
        JsonObject json = FreeForm.object(file);
        List<?> entries = Values.asList(file.get(listKey));
        if (entries == null) {
            return json;
        }
        JsonArrayBuilder list = JSON_P.createArrayBuilder();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map) {
                JsonObjectBuilder withKeys = JSON_P.createObjectBuilder(FreeForm.object(map));
                add.accept(map, withKeys);
                list.add(withKeys);
            } else {
                list.add(FreeForm.json(entry));
            }
        }
        return JSON_P.createObjectBuilder(json).add(listKey, list).build();
    }

    /** Counts over the body's child locations: orbital = is_orbital or a type containing "orbital". */
    private static void addCounts(Campaign campaign, String system, Map<?, ?> entry, JsonObjectBuilder json) {
        String slug = Values.str(entry.get("location_slug"));
        Optional<Location> body = slug == null || slug.isEmpty() ? Optional.empty()
                : campaign.location(system).flatMap(s -> s.children().stream().filter(c -> c.slug().equals(slug)).findFirst());
        int orbital = 0;
        int surface = 0;
        if (body.isPresent()) {
            for (Location child : body.get().children()) {
                boolean isOrbital = Values.truthy(child.data().get("is_orbital"))
                        || child.type().toLowerCase(Locale.ROOT).contains("orbital");
                if (isOrbital) {
                    orbital++;
                } else {
                    surface++;
                }
            }
        }
        json.add("surface_facility_count", surface)
                .add("orbital_station_count", orbital)
                .add("has_orbit_map", slug != null && !slug.isEmpty() && campaign.orbitMap(system, slug).isPresent());
    }
}
