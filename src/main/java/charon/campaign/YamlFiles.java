package charon.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads campaign YAML files, turning every failure into a CampaignProblem instead of an exception. */
final class YamlFiles {

    private final CampaignPaths paths;
    private final ProblemLog problems;

    YamlFiles(CampaignPaths paths, ProblemLog problems) {
        this.paths = paths;
        this.problems = problems;
    }

    ProblemLog problems() {
        return problems;
    }

    CampaignPaths paths() {
        return paths;
    }

    /** Any YAML document; empty when unreadable, broken or empty (each reported). */
    Optional<YamlDocument> read(Path file) {
        String rel = paths.relative(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(rel, null, "cannot read file: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
        return parse(rel, text, 0);
    }

    /** A YAML document that must be a mapping (location.yaml, ship.yaml, map files ...). */
    Optional<YamlDocument> readMapping(Path file) {
        return read(file).filter(doc -> requireMapping(doc));
    }

    Optional<YamlDocument> parse(String rel, String text, int lineOffset) {
        Object data;
        try {
            data = CampaignYaml.load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Integer line = mark == null ? null : mark.getLine() + 1 + lineOffset;
            problems.add(rel, line, "YAML syntax error: " + oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage()));
            return Optional.empty();
        } catch (YAMLException | IllegalArgumentException e) {
            problems.add(rel, null, "YAML error: " + oneLine(e.getMessage()));
            return Optional.empty();
        }
        if (data == null) {
            problems.add(rel, null, "empty YAML file");
            return Optional.empty();
        }
        return Optional.of(new YamlDocument(rel, text, Values.freeze(data), lineOffset));
    }

    boolean requireMapping(YamlDocument doc) {
        if (doc.map() == null) {
            problems.add(doc.file(), 1 + doc.lineOffset(), "expected a YAML mapping (key: value), found "
                    + (doc.data() instanceof java.util.List ? "a list" : "a single value"));
            return false;
        }
        return true;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
