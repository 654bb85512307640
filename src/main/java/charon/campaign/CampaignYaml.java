package charon.campaign;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Calendar;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;

/**
 * SnakeYAML set up like the original's PyYAML safe_load (YAML 1.1: 0xFFFFAA is an int, unquoted dates
 * are dates), but with java.time values instead of java.util.Date so JSON-B writes them as ISO strings.
 * Yaml instances are not thread-safe: each call makes a fresh one.
 */
final class CampaignYaml {

    private CampaignYaml() {
    }

    static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // PyYAML lets the last key win; a fixture file relies on it
        options.setWarnOnDuplicateKeys(false); // ... so do not log a warning on every reload
        return new Yaml(new TimeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options);
    }

    static Object load(String text) {
        return newYaml().load(text);
    }

    static Node compose(String text) {
        return newYaml().compose(new StringReader(text));
    }

    /** Replaces SnakeYAML's java.util.Date timestamps with LocalDate / LocalDateTime (local time as written). */
    private static final class TimeConstructor extends SafeConstructor {

        private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");

        TimeConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String text = constructScalar((ScalarNode) node).trim();
                    ConstructYamlTimestamp standard = new ConstructYamlTimestamp();
                    standard.construct(node);
                    Calendar c = standard.getCalendar();
                    if (DATE_ONLY.matcher(text).matches()) {
                        return LocalDate.of(c.get(Calendar.YEAR), c.get(Calendar.MONTH) + 1, c.get(Calendar.DAY_OF_MONTH));
                    }
                    return LocalDateTime.ofInstant(c.toInstant(), c.getTimeZone().toZoneId());
                }
            });
        }
    }
}
