package charon.campaign;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/**
 * A comm terminal with its messages, {@code GET /api/terminal/{location}/{terminal}/} (§8). The values that come
 * from terminal.yaml and a message's front matter are the campaign's as written (a YAML number stays a number),
 * with the endpoint's defaults where a key is missing.
 */
@JsonbNillable
@JsonbPropertyOrder({"slug", "owner", "terminalId", "accessLevel", "description", "locationName", "inbox", "sent"})
public record TerminalDocument(String slug, JsonValue owner, JsonValue terminalId, JsonValue accessLevel,
                               JsonValue description, String locationName, List<Entry> inbox,
                               List<Entry> sent) {

    /** One message (§8 Msg); {@code timestamp}, {@code folder} and {@code contact} are written as null when unknown. */
    @JsonbNillable
    @JsonbPropertyOrder({"messageId", "subject", "from", "to", "content", "contentHtml", "timestamp", "priority", "read",
            "folder", "contact", "conversationId", "inReplyTo"})
    public record Entry(JsonValue messageId, JsonValue subject, JsonValue from, JsonValue to, JsonValue content,
                        String contentHtml, JsonValue timestamp, JsonValue priority, JsonValue read, String folder,
                        String contact, JsonValue conversationId, JsonValue inReplyTo) {
    }
}
