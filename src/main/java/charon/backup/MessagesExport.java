package charon.backup;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

import charon.messages.Message;
import charon.messages.MessageView;

/** The message history as the GM downloads it ({@code GET /api/gm/backup/messages}). */
@JsonbPropertyOrder({"exportedAt", "count", "messages"})
public record MessagesExport(String exportedAt, int count, List<Entry> messages) {

    /** One message with who wrote it, who got it and whether it was read (nulls written, as the export always did). */
    @JsonbNillable
    @JsonbPropertyOrder({"id", "sender", "content", "priority", "createdAt", "createdBy", "recipients", "isRead"})
    public record Entry(long id, String sender, String content, String priority, String createdAt, String createdBy,
                        List<String> recipients, boolean isRead) {

        static Entry of(Message message) {
            MessageView view = MessageView.of(message);
            return new Entry(view.id(), view.sender(), view.content(), view.priority(), view.createdAt(),
                    message.getCreatedBy().getUsername(),
                    message.getRecipients().stream().map(u -> u.getUsername()).sorted().toList(), message.isRead());
        }
    }
}
