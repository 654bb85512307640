package charon.chat;

import java.util.List;

/** CDI event: a channel's conversation changed; displays receive it as a named {@code charon} SSE event. */
public record ConversationChanged(String channel, List<CharonMessage> messages) {
}
