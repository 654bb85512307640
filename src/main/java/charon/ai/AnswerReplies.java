package charon.ai;

import jakarta.json.bind.annotation.JsonbNillable;

import java.util.List;

/** The answers of the GM's CHARON answer endpoints (drafts, approval, auto-answer), in the contract's shapes. */
public final class AnswerReplies {

    private AnswerReplies() {
    }

    public record Drafted(boolean success, String pendingId, String channel) {
        Drafted(String pendingId, String channel) {
            this(true, pendingId, channel);
        }
    }

    public record Approved(boolean success, String messageId, String channel) {
        Approved(String messageId, String channel) {
            this(true, messageId, channel);
        }
    }

    public record Rejected(boolean success, String channel) {
        Rejected(String channel) {
            this(true, channel);
        }
    }

    public record AutoAnswerSet(boolean success, String channel, boolean autoAnswer) {
        AutoAnswerSet(String channel, boolean autoAnswer) {
            this(true, channel, autoAnswer);
        }
    }

    public record Pending(String channel, List<Draft> pending, int count, boolean autoAnswer) {
    }

    /** The exact text a draft sent to the model (privacy and cost in view; the GM's eyes only); nulls written out. */
    @JsonbNillable
    public record SentText(String pendingId, String provider, String sentText, int tokensIn, int tokensOut) {
    }

    public record TestStarted(boolean success, boolean started) {
        static final TestStarted STARTED = new TestStarted(true, true);
    }
}
