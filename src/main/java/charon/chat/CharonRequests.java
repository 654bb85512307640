package charon.chat;

import charon.json.JsonRequest;

/** The request bodies of CHARON's conversation writes, read by {@link charon.json.JsonRequestReader}. */
public final class CharonRequests {

    private CharonRequests() {
    }

    @JsonRequest
    public record Mode(String mode) {
        public Mode {
            mode = mode == null ? "DISPLAY" : mode;
        }
    }

    @JsonRequest
    public record Location(String locationPath) {
        public Location {
            locationPath = locationPath == null ? "" : locationPath;
        }
    }

    /** open absent flips the dialog. */
    @JsonRequest
    public record Dialog(Boolean open) {
    }

    @JsonRequest
    public record Reply(String content) {
        public Reply {
            content = content == null ? "" : content;
        }
    }

    @JsonRequest
    public record Query(String query) {
        public Query {
            query = query == null ? "" : query;
        }
    }
}
