package charon.campaign;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import java.util.List;
import java.util.Map;

import charon.markdown.MarkdownHtml;

/**
 * A session log ({@code campaign/sessions/*.md}).
 *
 * @param data front-matter keys + {@code body} (trimmed markdown) + {@code filename}; {@code npcs} always a
 *             list, {@code date} a "YYYY-MM-DD" string — the shape of the /terminal/ page's sessions
 */
public record Session(Map<String, Object> data) {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    public int number() {
        return Values.intOr(data.get("session_number"), 0);
    }

    public String title() {
        return Values.str(data, "title", "");
    }

    public String date() {
        return Values.str(data, "date", "");
    }

    public String body() {
        return Values.str(data, "body", "");
    }

    public String fileName() {
        return Values.str(data, "filename", "");
    }

    /** The data with the body as HTML ({@code body_html}, rendered on the server: no display parses Markdown). */
    public JsonObject json() {
        return JSON_P.createObjectBuilder(FreeForm.object(data)).add("body_html", FreeForm.json(MarkdownHtml.render(body()))).build();
    }

    public List<?> npcs() {
        List<?> npcs = Values.asList(data.get("npcs"));
        return npcs == null ? List.of() : npcs;
    }
}
