package charon.messages;

import java.util.List;

import charon.json.JsonRequest;

/** The body of {@code POST /api/gm/broadcast/} (api-contract §5); no recipients is a broadcast to everyone. */
@JsonRequest
public record BroadcastRequest(String sender, String content, String priority, List<String> recipients) {
    public BroadcastRequest {
        sender = sender == null ? "CHARON" : sender;
        content = content == null ? "" : content;
        priority = priority == null ? "NORMAL" : priority;
        recipients = recipients == null ? List.of() : recipients;
    }
}
