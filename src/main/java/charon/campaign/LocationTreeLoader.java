package charon.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Walks {@code galaxy/} into the location tree (format §2), children sorted by slug. */
final class LocationTreeLoader {

    /** Folders that belong to a location rather than being child locations. */
    private static final Set<String> NOT_LOCATIONS = Set.of("comms", "map", "maps", "charon", "__pycache__");

    private final YamlFiles yaml;
    private final CommsLoader comms;
    private final EncounterMapLoader maps;

    LocationTreeLoader(YamlFiles yaml) {
        this.yaml = yaml;
        this.comms = new CommsLoader(yaml);
        this.maps = new EncounterMapLoader(yaml);
    }

    List<Location> loadSystems(Path galaxyDir) {
        List<Location> systems = new ArrayList<>();
        for (Path dir : DirListing.subdirectories(galaxyDir)) {
            if (!dir.getFileName().toString().equals("__pycache__")) {
                systems.add(load(dir, List.of()));
            }
        }
        return List.copyOf(systems);
    }

    private Location load(Path dir, List<String> parentPath) {
        String slug = dir.getFileName().toString();
        List<String> path = new ArrayList<>(parentPath);
        path.add(slug);
        Map<String, Object> data = readLocationYaml(dir, slug);
        EncounterMapLoader.MapFolder mapFolder = maps.load(dir.resolve("map"));
        List<Terminal> terminals = comms.load(dir.resolve("comms"));
        List<Location> children = new ArrayList<>();
        for (Path child : DirListing.subdirectories(dir)) {
            if (!NOT_LOCATIONS.contains(child.getFileName().toString())) {
                children.add(load(child, path));
            }
        }
        return new Location(slug, path, data, mapFolder.manifest(), mapFolder.map(), terminals, children);
    }

    /** Missing, empty or broken location.yaml: the location still exists, named after its folder. */
    private Map<String, Object> readLocationYaml(Path dir, String slug) {
        Path file = dir.resolve("location.yaml");
        if (!Files.isRegularFile(file)) {
            return Map.of("name", slug);
        }
        return yaml.readMapping(file).map(YamlDocument::map).orElse(Map.of("name", slug));
    }
}
