package charon.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    Map<String, Object> treeJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", slug);
        json.put("name", Values.rawOr(data, "name", ""));
        json.put("owner", Values.rawOr(data, "owner", ""));
        json.put("description", Values.rawOr(data, "description", ""));
        return json;
    }

    /** Entry of the active-view location_data: no messages (they made the payload huge). */
    Map<String, Object> summaryJson() {
        Map<String, Object> json = treeJson();
        json.put("access_level", Values.rawOr(data, "access_level", "PUBLIC"));
        return json;
    }

    /** §8 body. */
    Map<String, Object> toJson(String locationName) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", slug);
        json.put("owner", Values.rawOr(data, "owner", ""));
        json.put("terminal_id", Values.rawOr(data, "terminal_id", ""));
        json.put("access_level", Values.rawOr(data, "access_level", "PUBLIC"));
        json.put("description", Values.rawOr(data, "description", ""));
        json.put("location_name", locationName);
        json.put("inbox", inbox.stream().map(Message::toJson).toList());
        json.put("sent", sent.stream().map(Message::toJson).toList());
        return json;
    }
}
