package charon.ai;

import jakarta.validation.constraints.NotNull;

import charon.json.JsonRequest;

/** The request bodies of the GM's CHARON answer writes, read by {@link charon.json.JsonRequestReader}. */
public final class AnswerRequests {

    private AnswerRequests() {
    }

    /** {@code context} or, as the original named it, {@code context_override}: context for this answer only. */
    @JsonRequest
    public record Generate(String prompt, String context, String contextOverride) {
        public Generate {
            prompt = prompt == null ? "" : prompt;
        }

        public String contextGiven() {
            return context != null ? context : contextOverride;
        }
    }

    @JsonRequest
    public record Approve(@NotNull(message = "pending_id is required") String pendingId, String modifiedContent) {
    }

    @JsonRequest
    public record PendingRef(@NotNull(message = "pending_id is required") String pendingId) {
    }

    @JsonRequest
    public record AutoAnswer(@NotNull(message = "on (true or false) required") Boolean on) {
    }
}
