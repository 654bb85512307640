package charon.chat;

/**
 * CDI event: a channel's conversation changed; displays receive it as a named {@code charon} SSE event.
 * It carries the one new line (with the id of the line before it, so a display that missed one fetches the
 * conversation), or says the conversation was emptied: never the whole conversation, so what a submit makes
 * the server send to every display is bounded by one line, however long the conversation is.
 */
public record ConversationChanged(String channel, CharonMessage message, String previousId, boolean cleared) {

    static ConversationChanged appended(String channel, CharonMessage message, String previousId) {
        return new ConversationChanged(channel, message, previousId, false);
    }

    static ConversationChanged emptied(String channel) {
        return new ConversationChanged(channel, null, null, true);
    }
}
