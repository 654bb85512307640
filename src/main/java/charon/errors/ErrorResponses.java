package charon.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Builds JSON error responses and holds the default wording per status. */
public final class ErrorResponses {

    public static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private static final Map<Integer, String> DEFAULT_TEXT = Map.ofEntries(
            Map.entry(400, "Bad request"),
            Map.entry(401, "Authentication required"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not found"),
            Map.entry(405, "Method not allowed"),
            Map.entry(406, "Not acceptable"),
            Map.entry(409, "Conflict"),
            Map.entry(413, "Request body too large"),
            Map.entry(415, "Unsupported media type"),
            Map.entry(429, "Too many requests"),
            Map.entry(500, "Internal error"),
            Map.entry(503, "Service unavailable"));

    private ErrorResponses() {
    }

    public static Response of(int status, String error) {
        return Response.status(status).type(JSON_UTF8).entity(new ErrorBody(error).toJson()).build();
    }

    public static String defaultText(int status) {
        return DEFAULT_TEXT.getOrDefault(status, status >= 500 ? "Internal error" : "Request refused");
    }
}
