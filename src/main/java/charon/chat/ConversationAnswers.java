package charon.chat;

import java.util.List;

/** The answers of CHARON's conversation endpoints (api-contract §9.2), in the contract's shapes. */
public final class ConversationAnswers {

    private ConversationAnswers() {
    }

    public record ChannelDone(boolean success, String channel) {
        ChannelDone(String channel) {
            this(true, channel);
        }
    }

    public record ModeSet(boolean success, String mode) {
        ModeSet(String mode) {
            this(true, mode);
        }
    }

    public record LocationSet(boolean success, String locationPath) {
        LocationSet(String locationPath) {
            this(true, locationPath);
        }
    }

    public record DialogSet(boolean success, boolean charonDialogOpen) {
        DialogSet(boolean charonDialogOpen) {
            this(true, charonDialogOpen);
        }
    }

    /** A CHARON line sent; {@code channel} is absent on the legacy (default channel) endpoint. */
    public record Sent(boolean success, String messageId, String channel) {
        Sent(String messageId, String channel) {
            this(true, messageId, channel);
        }
    }

    public record Channels(List<ChannelSummary> channels) {
    }

    @jakarta.json.bind.annotation.JsonbNillable
    public record Submitted(boolean success, String queryId, String pendingId) {
        Submitted(String queryId, String pendingId) {
            this(true, queryId, pendingId);
        }
    }

    public record Conversation(String channel, String mode, List<CharonMessage> messages) {
    }

    public record LegacyConversation(String mode, String charonLocationPath, String activeLocationPath, List<CharonMessage> messages) {
    }
}
