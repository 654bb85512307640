package charon.campaign;

import charon.errors.BrokenData;
import charon.errors.NotFound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Star, system and orbit map endpoints with the server additions of format §7. */
final class GalaxyJson {

    private GalaxyJson() {
    }

    static Map<String, Object> starMap(GalaxyMapsLoader.StarMapFile file, Set<String> systemsWithMap) {
        if (file.data() == null && file.error() == null) {
            throw new NotFound("Star map data not found", new CampaignErrors.StarMapMissing("Star map data not found"));
        }
        if (file.data() == null) {
            String error = "Error loading star map: " + file.error();
            throw new BrokenData(error, new CampaignErrors.StarMapMissing(error));
        }
        Map<String, Object> body = Values.thawMap(file.data());
        List<?> systems = Values.asList(body.get("systems"));
        if (systems != null) {
            for (Object s : systems) {
                Map<String, Object> system = Values.asMap(s);
                if (system != null) {
                    String slug = Values.str(system.get("location_slug"));
                    system.put("has_system_map", slug != null && !slug.isEmpty() && systemsWithMap.contains(slug));
                }
            }
        }
        return body;
    }

    static List<Map<String, Object>> labelledSystems(GalaxyMapsLoader.StarMapFile file, Set<String> systemsWithMap) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<?> systems = file.data() == null ? null : Values.asList(starMap(file, systemsWithMap).get("systems"));
        if (systems == null) {
            return out;
        }
        for (Object s : systems) {
            Map<String, Object> system = Values.asMap(s);
            if (system != null && Values.truthy(system.get("label"))) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", system.get("name"));
                entry.put("hasSystemMap", system.get("has_system_map"));
                out.add(entry);
            }
        }
        return out;
    }

    static Map<String, Object> systemMap(Campaign campaign, String system, Map<String, Object> file) {
        if (file == null) {
            String error = "System map not found for " + system;
            throw new NotFound(error, new CampaignErrors.MapMissing(error, system, null));
        }
        Map<String, Object> body = Values.thawMap(file);
        List<?> bodies = Values.asList(body.get("bodies"));
        if (bodies != null) {
            for (Object b : bodies) {
                Map<String, Object> entry = Values.asMap(b);
                if (entry != null) {
                    addCounts(campaign, system, entry);
                }
            }
        }
        return body;
    }

    /** Counts over the body's child locations: orbital = is_orbital or a type containing "orbital". */
    private static void addCounts(Campaign campaign, String system, Map<String, Object> entry) {
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
        entry.put("surface_facility_count", surface);
        entry.put("orbital_station_count", orbital);
        entry.put("has_orbit_map", slug != null && !slug.isEmpty() && campaign.orbitMap(system, slug).isPresent());
    }
}
