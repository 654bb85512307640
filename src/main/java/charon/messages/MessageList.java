package charon.messages;

import java.util.List;

/** Body of {@code GET /api/messages/}. */
public record MessageList(List<MessageView> messages, int count) {
    public static MessageList of(List<MessageView> messages) {
        return new MessageList(List.copyOf(messages), messages.size());
    }
}
