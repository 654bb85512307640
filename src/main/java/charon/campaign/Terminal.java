package charon.campaign;

import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A comm terminal: {@code <location>/comms/<slug>/terminal.yaml} plus its messages.
 *
 * @param data  terminal.yaml mapping ({owner: slug} when the file is missing, like the original)
 * @param inbox sorted by timestamp ascending (missing timestamps last)
 * @param sent  same order
 */
public record Terminal(String slug, Map<String, Object> data, List<Message> inbox, List<Message> sent) {

    public String owner() {
        return Values.str(data, "owner", "");
    }

    public String name() {
        return Values.str(data, "name", "");
    }

    public String terminalId() {
        return Values.str(data, "terminal_id", "");
    }

    public String accessLevel() {
        return Values.str(data, "access_level", "PUBLIC");
    }

    public String description() {
        return Values.str(data, "description", "");
    }

    /** Inbox and sent together, by timestamp. */
    public List<Message> messages() {
        List<Message> all = new ArrayList<>(inbox);
        all.addAll(sent);
        all.sort((a, b) -> Timestamps.ORDER.compare(a.timestamp(), b.timestamp()));
        return List.copyOf(all);
    }

    /** Entry of the GM tree (§3.1). */
    TerminalEntry treeJson() {
        return new TerminalEntry(slug, raw("name", ""), raw("owner", ""), raw("description", ""), null);
    }

    /** Entry of the active-view location_data: no messages (they made the payload huge). */
    TerminalEntry summaryJson() {
        return new TerminalEntry(slug, raw("name", ""), raw("owner", ""), raw("description", ""), raw("access_level", "PUBLIC"));
    }

    /** §8 body. */
    TerminalDocument toJson(String locationName) {
        return new TerminalDocument(slug, raw("owner", ""), raw("terminal_id", ""), raw("access_level", "PUBLIC"),
                raw("description", ""), locationName, inbox.stream().map(Message::toJson).toList(),
                sent.stream().map(Message::toJson).toList());
    }

    private JsonValue raw(String key, String fallback) {
        return FreeForm.json(Values.rawOr(data, key, fallback));
    }
}
