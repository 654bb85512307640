package charon.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads a campaign directory ({@code galaxy/}, {@code campaign/}, {@code charon/}) into an immutable
 * {@link Campaign}. Never throws for bad data: every problem is collected in {@link Campaign#problems()}.
 */
public final class CampaignLoader {

    private CampaignLoader() {
    }

    public static Campaign load(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        ProblemLog problems = new ProblemLog();
        YamlFiles yaml = new YamlFiles(new CampaignPaths(absolute), problems);
        if (!Files.isDirectory(absolute)) {
            problems.add(".", null, "campaign directory not found: " + root.getFileName());
            return new Campaign("CHARON", List.of(), List.of(), List.of(), null, List.of(), List.of(),
                    new GalaxyMapsLoader.StarMapFile(null, null), Map.of(), Map.of(), problems);
        }
        Path galaxy = absolute.resolve("galaxy");
        if (!Files.isDirectory(galaxy)) {
            problems.add("galaxy", null, "galaxy/ directory not found: no locations");
        }
        Path campaignDir = absolute.resolve("campaign");
        LocationTreeLoader tree = new LocationTreeLoader(yaml);
        CampaignFilesLoader files = new CampaignFilesLoader(yaml);
        GalaxyMapsLoader maps = new GalaxyMapsLoader(yaml);
        return new Campaign(
                files.title(absolute),
                tree.loadSystems(galaxy),
                files.npcs(campaignDir),
                files.crew(campaignDir),
                files.ship(campaignDir),
                files.sessions(campaignDir),
                files.imageFiles(campaignDir),
                maps.starMap(galaxy),
                maps.systemMaps(galaxy),
                maps.orbitMaps(galaxy),
                problems);
    }
}
