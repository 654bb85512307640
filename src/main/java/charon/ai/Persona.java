package charon.ai;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CHARON's persona and rules from the campaign's {@code charon/context.yaml} (name, system_prompt, personality,
 * max_response_length, temperature), and what a location's {@code charon/instance.yaml} adds there.
 */
record Persona(String name, String systemPrompt, String personality, int maxResponseLength, double temperature) {

    static final Persona DEFAULT = new Persona("CHARON",
            "You are CHARON, the ship and station computer of a Mothership RPG campaign. Answer as a terse terminal.",
            "", 400, 0.7);

    /** The persona of a campaign; the default when the file is missing or unreadable. */
    static Persona read(Path contextYaml) {
        Map<?, ?> data = yamlMap(contextYaml);
        if (data.isEmpty()) {
            return DEFAULT;
        }
        return new Persona(
                text(data.get("name"), DEFAULT.name()),
                text(data.get("system_prompt"), DEFAULT.systemPrompt()),
                render(data.get("personality"), ""),
                number(data.get("max_response_length"), DEFAULT.maxResponseLength()),
                data.get("temperature") instanceof Number n ? n.doubleValue() : DEFAULT.temperature());
    }

    /** A location's instance configuration as prompt text ("" when it has none); GM-only keys are left out. */
    static String instance(Path instanceYaml) {
        Map<?, ?> data = yamlMap(instanceYaml);
        StringBuilder out = new StringBuilder();
        data.forEach((key, value) -> {
            if (!gmOnly(String.valueOf(key))) {
                out.append(key).append(": ").append(render(value, "")).append('\n');
            }
        });
        return out.toString().strip();
    }

    /** Keys a GM keeps for themselves (gm_notes, secrets, ...): never in a prompt. */
    static boolean gmOnly(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.startsWith("gm") || k.contains("secret") || k.contains("spoiler") || k.equals("lore") || k.equals("charon");
    }

    static Map<?, ?> yamlMap(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            return data instanceof Map<?, ?> map ? map : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** A YAML value as one readable line (lists joined with "; ", mappings as "key: value"). */
    static String render(Object value, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> {
                if (!gmOnly(String.valueOf(k))) {
                    parts.add(k + ": " + render(v, ""));
                }
            });
            return String.join("; ", parts);
        }
        if (value instanceof List<?> list) {
            return String.join("; ", list.stream().map(v -> render(v, "")).toList());
        }
        return String.valueOf(value).strip();
    }

    private static String text(Object value, String fallback) {
        String text = render(value, "");
        return text.isEmpty() ? fallback : text;
    }

    private static int number(Object value, int fallback) {
        return value instanceof Number n && n.intValue() > 0 ? n.intValue() : fallback;
    }
}
