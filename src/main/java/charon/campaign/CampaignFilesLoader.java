package charon.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads {@code campaign/}: npcs.yaml, crew.yaml, ship.yaml, sessions, loose token images (format §3). */
final class CampaignFilesLoader {

    private final YamlFiles yaml;

    CampaignFilesLoader(YamlFiles yaml) {
        this.yaml = yaml;
    }

    /**
     * The campaign's title for the displays: {@code title} in the optional campaign/campaign.yaml,
     * else the campaign folder's name in capitals.
     */
    String title(Path root) {
        Path file = root.resolve("campaign").resolve("campaign.yaml");
        String fallback = root.getFileName() == null ? "CHARON" : root.getFileName().toString().replace('-', ' ').replace('_', ' ').toUpperCase(java.util.Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            return fallback;
        }
        return yaml.readMapping(file)
                .map(doc -> doc.map().get("title"))
                .filter(Values::truthy)
                .map(Values::str)
                .orElse(fallback);
    }

    /** npcs.yaml entries; an NPC with an id but no name is reported and skipped (it broke every payload). */
    List<Map<String, Object>> npcs(Path campaignDir) {
        return people(campaignDir.resolve("npcs.yaml"), "npcs", true);
    }

    List<Map<String, Object>> crew(Path campaignDir) {
        return people(campaignDir.resolve("crew.yaml"), "crew", false);
    }

    private List<Map<String, Object>> people(Path file, String rootKey, boolean nameRequiredWithId) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Optional<YamlDocument> read = yaml.readMapping(file);
        if (read.isEmpty()) {
            return List.of();
        }
        YamlDocument doc = read.get();
        Object raw = doc.map().get(rootKey);
        if (raw == null) {
            return List.of();
        }
        List<?> list = Values.asList(raw);
        if (list == null) {
            yaml.problems().add(doc.file(), doc.lineOf(rootKey), "'" + rootKey + "' must be a list");
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> entry = Values.asMap(list.get(i));
            if (entry == null) {
                yaml.problems().add(doc.file(), doc.lineOf(rootKey, i), "entry is not a mapping; skipped");
                continue;
            }
            if (nameRequiredWithId && Values.truthy(entry.get("id")) && !Values.truthy(entry.get("name"))) {
                yaml.problems().add(doc.file(), doc.lineOf(rootKey, i),
                        "NPC '" + Values.str(entry.get("id")) + "' has an id but no name; skipped");
                continue;
            }
            out.add(entry);
        }
        return List.copyOf(out);
    }

    /** The whole ship.yaml document (root key {@code ship}), or null when absent. */
    Map<String, Object> ship(Path campaignDir) {
        Path file = campaignDir.resolve("ship.yaml");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return yaml.readMapping(file).map(YamlDocument::map).orElse(null);
    }

    /** Sorted by session_number descending (missing = 0), then file name for a stable order. */
    List<Session> sessions(Path campaignDir) {
        List<Session> out = new ArrayList<>();
        for (Path file : DirListing.filesEndingWith(campaignDir.resolve("sessions"), ".md")) {
            MarkdownFile.read(file, yaml).ifPresent(md -> out.add(session(md)));
        }
        out.sort(Comparator.comparingInt(Session::number).reversed());
        return List.copyOf(out);
    }

    private static Session session(MarkdownFile md) {
        Map<String, Object> data = new LinkedHashMap<>(md.frontMatter());
        data.put("body", md.body());
        data.put("filename", md.fileName());
        Object npcs = data.get("npcs");
        if (npcs instanceof String s) {
            data.put("npcs", Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList());
        } else if (npcs == null) {
            data.put("npcs", List.of());
        }
        if (data.get("date") != null) {
            Object date = data.get("date");
            String text = date instanceof LocalDateTime dt ? dt.toLocalDate().toString() : String.valueOf(date);
            String[] tokens = text.strip().split("\\s+");
            data.put("date", tokens.length == 0 ? "" : tokens[0]); // "2183-03-14 (ship time)" -> "2183-03-14"
        }
        return new Session(Collections.unmodifiableMap(data));
    }

    /** File names of loose images in campaign/NPCs/images (images_source/ is not looked at). */
    List<String> imageFiles(Path campaignDir) {
        return DirListing.filesEndingWith(campaignDir.resolve("NPCs").resolve("images"), ".png", ".jpg", ".jpeg", ".webp")
                .stream().map(p -> p.getFileName().toString()).toList();
    }
}
