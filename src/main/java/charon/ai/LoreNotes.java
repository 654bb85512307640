package charon.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A location's lore note (the {@code lore} block of location.yaml: {@code note}, {@code charon_sections},
 * {@code exclude_patterns}), cut into the sections CHARON may know. A note is a Markdown file under the campaign's
 * {@code lore/} folder. {@code charon_sections} picks sections by heading (with their sub-sections; all sections when
 * absent); a heading matching one of {@code exclude_patterns} (regular expressions) is dropped with everything under
 * it, even inside a picked section. Front matter and comments ({@code %% ... %%}, {@code <!-- ... -->}), where GMs keep
 * their own notes, never reach CHARON.
 */
final class LoreNotes {

    /** A picked section: its heading and text. */
    record Section(String heading, String text) {
    }

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern COMMENTS = Pattern.compile("%%.*?%%|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R.*?\\R---\\R", Pattern.DOTALL);

    private LoreNotes() {
    }

    /** The note's file, or null when the name would leave the lore folder. */
    static Path resolve(Path loreFolder, String note) {
        Path file = loreFolder.resolve(note).normalize();
        return file.startsWith(loreFolder.normalize()) ? file : null;
    }

    static List<Section> read(Path file, List<String> charonSections, List<String> excludePatterns) throws IOException {
        return sections(Files.readString(file), charonSections, excludePatterns);
    }

    static List<Section> sections(String markdown, List<String> charonSections, List<String> excludePatterns) {
        String text = COMMENTS.matcher(FRONT_MATTER.matcher(markdown).replaceFirst("")).replaceAll("");
        List<Pattern> excluded = new ArrayList<>();
        for (String pattern : excludePatterns) {
            try {
                excluded.add(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                // a broken pattern must not let a GM section through: treat it as a literal heading prefix
                excluded.add(Pattern.compile("^" + Pattern.quote(pattern), Pattern.CASE_INSENSITIVE));
            }
        }
        List<String> wanted = charonSections.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        List<Section> out = new ArrayList<>();
        int pickedLevel = 0;        // level of the picked section we are inside (0 = none)
        int excludedLevel = 0;      // level of the excluded heading we are under (0 = none)
        String heading = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            Matcher m = HEADING.matcher(line);
            if (!m.matches()) {
                if (heading != null && excludedLevel == 0 && (pickedLevel > 0 || wanted.isEmpty())) {
                    body.append(line).append('\n');
                }
                continue;
            }
            flush(out, heading, body);
            int level = m.group(1).length();
            String title = m.group(2).trim();
            if (excludedLevel > 0 && level <= excludedLevel) {
                excludedLevel = 0;
            }
            if (pickedLevel > 0 && level <= pickedLevel) {
                pickedLevel = 0;
            }
            if (excludedLevel == 0 && excluded.stream().anyMatch(p -> p.matcher(title).find())) {
                excludedLevel = level;
            }
            if (pickedLevel == 0 && wanted.contains(title.toLowerCase(Locale.ROOT))) {
                pickedLevel = level;
            }
            heading = title;
        }
        flush(out, heading, body);
        return out;
    }

    private static void flush(List<Section> out, String heading, StringBuilder body) {
        String text = body.toString().strip();
        if (heading != null && !text.isEmpty()) {
            out.add(new Section(heading, text));
        }
        body.setLength(0);
    }
}
