package charon.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Loads {@code <location>/comms/}: terminals and their messages in either storage mode (format §4). */
final class CommsLoader {

    private final YamlFiles yaml;

    CommsLoader(YamlFiles yaml) {
        this.yaml = yaml;
    }

    List<Terminal> load(Path commsDir) {
        if (!Files.isDirectory(commsDir)) {
            return List.of();
        }
        Path central = commsDir.resolve("messages");
        List<Message> centralMessages = Files.isDirectory(central) ? readAll(central) : null;
        List<Terminal> terminals = new ArrayList<>();
        for (Path dir : DirListing.subdirectories(commsDir)) {
            String slug = dir.getFileName().toString();
            if (slug.equals("messages")) {
                continue;
            }
            Map<String, Object> data = readTerminalYaml(dir, slug);
            String owner = Values.str(data, "owner", "");
            List<Message> inbox;
            List<Message> sent;
            if (centralMessages != null) {
                inbox = centralMatching(centralMessages, "to", owner, "inbox", "from");
                sent = centralMatching(centralMessages, "from", owner, "sent", "to");
            } else {
                inbox = legacyFolder(dir.resolve("inbox"), "inbox");
                sent = legacyFolder(dir.resolve("sent"), "sent");
            }
            terminals.add(new Terminal(slug, data, sorted(inbox), sorted(sent)));
        }
        return List.copyOf(terminals);
    }

    private Map<String, Object> readTerminalYaml(Path dir, String slug) {
        Path file = dir.resolve("terminal.yaml");
        if (!Files.isRegularFile(file)) {
            return Map.of("owner", slug); // original: a terminal without yaml is owned by its directory name
        }
        return yaml.readMapping(file).map(YamlDocument::map).orElse(Map.of("owner", slug));
    }

    /** Central mode: case-insensitive substring match of the owner (an empty owner matches all), as the original. */
    private static List<Message> centralMatching(List<Message> all, String field, String owner, String folder,
                                                 String contactField) {
        String needle = owner.toLowerCase(Locale.ROOT);
        List<Message> out = new ArrayList<>();
        for (Message m : all) {
            String value = Values.str(m.fields(), field, "").toLowerCase(Locale.ROOT);
            if (value.contains(needle)) {
                out.add(m.in(folder, Values.str(m.fields(), contactField, "Unknown")));
            }
        }
        return out;
    }

    /** Legacy mode: {@code <terminal>/<folder>/<contact>/*.md}; files directly in the folder are ignored. */
    private List<Message> legacyFolder(Path folderDir, String folder) {
        List<Message> out = new ArrayList<>();
        for (Path contactDir : DirListing.subdirectories(folderDir)) {
            String contact = contactDir.getFileName().toString();
            for (Message m : readAll(contactDir)) {
                out.add(m.in(folder, contact));
            }
        }
        return out;
    }

    private List<Message> readAll(Path dir) {
        List<Message> out = new ArrayList<>();
        for (Path file : DirListing.filesEndingWith(dir, ".md")) {
            MarkdownFile.read(file, yaml).map(Message::of).ifPresent(out::add);
        }
        return out;
    }

    private static List<Message> sorted(List<Message> messages) {
        List<Message> copy = new ArrayList<>(messages);
        copy.sort((a, b) -> Timestamps.ORDER.compare(a.timestamp(), b.timestamp())); // stable: file order on ties
        return List.copyOf(copy);
    }
}
