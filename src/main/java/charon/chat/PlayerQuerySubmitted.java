package charon.chat;

import java.util.UUID;

/**
 * CDI event: a player's query was stored on a channel. Fired synchronously by the submit endpoints, so the
 * observer that drafts CHARON's answer ({@code charon.ai}) can queue it under {@code pendingId}, which the
 * submit answers to the display.
 */
public record PlayerQuerySubmitted(String channel, CharonMessage query, String pendingId) {

    public static PlayerQuerySubmitted of(String channel, CharonMessage query) {
        return new PlayerQuerySubmitted(channel, query, UUID.randomUUID().toString());
    }
}
