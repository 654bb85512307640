package charon.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads the 3D visualisation files: star_map.yaml, system_map.yaml per system, orbit_map.yaml per body (§7). */
final class GalaxyMapsLoader {

    /** Star map or the reason it failed (the contract answers 404 when missing, 500 when broken). */
    record StarMapFile(Map<String, Object> data, String error) {
    }

    private final YamlFiles yaml;

    GalaxyMapsLoader(YamlFiles yaml) {
        this.yaml = yaml;
    }

    StarMapFile starMap(Path galaxyDir) {
        Path file = galaxyDir.resolve("star_map.yaml");
        if (!Files.isRegularFile(file)) {
            return new StarMapFile(null, null);
        }
        return yaml.readMapping(file).map(doc -> new StarMapFile(GmOnly.deep(doc.map()), null))
                .orElse(new StarMapFile(null, "star_map.yaml could not be loaded (see campaign problems)"));
    }

    /** system slug -> system_map.yaml, for every top-level directory of galaxy/. */
    Map<String, Map<String, Object>> systemMaps(Path galaxyDir) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Path system : DirListing.subdirectories(galaxyDir)) {
            read(system.resolve("system_map.yaml"), system.getFileName().toString(), out);
        }
        return Collections.unmodifiableMap(out);
    }

    /** "system/body" -> orbit_map.yaml, exactly two levels below galaxy/ like the original. */
    Map<String, Map<String, Object>> orbitMaps(Path galaxyDir) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Path system : DirListing.subdirectories(galaxyDir)) {
            for (Path body : DirListing.subdirectories(system)) {
                read(body.resolve("orbit_map.yaml"), key(system.getFileName().toString(), body.getFileName().toString()), out);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    static String key(String system, String body) {
        return system + "/" + body;
    }

    private void read(Path file, String key, Map<String, Map<String, Object>> out) {
        if (Files.isRegularFile(file)) {
            yaml.readMapping(file).ifPresent(doc -> out.put(key, GmOnly.deep(doc.map())));
        }
    }
}
