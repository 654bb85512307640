package charon.campaign;

import jakarta.json.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import charon.markdown.MarkdownHtml;

/**
 * A comm-terminal message as one terminal sees it.
 *
 * @param fields  {content, filename, ...front-matter keys} like the original (front matter may override
 *                content/filename); {@code timestamp} already normalized (LocalDateTime, raw string or absent)
 * @param folder  "inbox" or "sent"
 * @param contact the other party: the contact directory (legacy) or the from/to field (central)
 */
public record Message(Map<String, Object> fields, String folder, String contact) {

    static Message of(MarkdownFile file) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("content", file.body());
        fields.put("filename", file.fileName());
        fields.putAll(file.frontMatter());
        if (fields.containsKey("timestamp")) {
            fields.put("timestamp", Timestamps.normalize(fields.get("timestamp")));
        }
        return new Message(Collections.unmodifiableMap(fields), null, null);
    }

    Message in(String folder, String contact) {
        return new Message(fields, folder, contact);
    }

    public String fileName() {
        return Values.str(fields, "filename", "");
    }

    /** LocalDateTime, an unparseable raw string, or null. */
    public Object timestamp() {
        return fields.get("timestamp");
    }

    public String messageId() {
        return Values.str(fields, "message_id", fileName());
    }

    public String subject() {
        return Values.str(fields, "subject", "");
    }

    public String from() {
        return Values.str(fields, "from", "");
    }

    public String to() {
        return Values.str(fields, "to", "");
    }

    public String content() {
        return Values.str(fields, "content", "");
    }

    /** The §8 Msg shape with the terminal endpoint's defaults; timestamp as ISO string. */
    public TerminalDocument.Entry toJson() {
        return new TerminalDocument.Entry(raw("message_id", fileName()), raw("subject", ""), raw("from", ""), raw("to", ""),
                raw("content", ""), MarkdownHtml.render(content()), FreeForm.json(Timestamps.toJson(timestamp())),
                raw("priority", "NORMAL"), FreeForm.json(fields.containsKey("read") ? fields.get("read") : Boolean.TRUE),
                folder, contact, raw("conversation_id", ""), raw("in_reply_to", ""));
    }

    private JsonValue raw(String key, Object fallback) {
        return FreeForm.json(Values.rawOr(fields, key, fallback));
    }
}
