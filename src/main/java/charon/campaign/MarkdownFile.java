package charon.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A markdown file with optional YAML front matter (messages, session logs). The block is delimited by
 * whole "---" lines, so a "---" inside a value no longer cuts it short as in the original; the block
 * itself goes to SnakeYAML.
 *
 * @param frontMatter frozen front-matter mapping, empty when there is none
 * @param body        text after the front matter, trimmed
 */
record MarkdownFile(String fileName, Map<String, Object> frontMatter, String body) {

    /** Empty (with a problem logged) when the file cannot be read or its front matter is broken. */
    static Optional<MarkdownFile> read(Path file, YamlFiles yaml) {
        String rel = yaml.paths().relative(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            yaml.problems().add(rel, null, "cannot read file: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            return Optional.of(new MarkdownFile(name, Map.of(), text.strip()));
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            yaml.problems().add(rel, 1, "front matter starts with '---' but has no closing '---' line");
            return Optional.empty();
        }
        String block = String.join("\n", java.util.Arrays.asList(lines).subList(1, close));
        String body = String.join("\n", java.util.Arrays.asList(lines).subList(close + 1, lines.length)).strip();
        if (block.isBlank()) {
            return Optional.of(new MarkdownFile(name, Map.of(), body)); // empty front matter: no keys (original crashed)
        }
        Optional<YamlDocument> doc = yaml.parse(rel, block, 1);
        if (doc.isEmpty() || !yaml.requireMapping(doc.get())) {
            return Optional.empty();
        }
        return Optional.of(new MarkdownFile(name, doc.get().map(), body));
    }
}
