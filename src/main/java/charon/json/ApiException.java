package charon.json;

import jakarta.ws.rs.WebApplicationException;

/**
 * Thrown by resources to answer {@code {"error": message}} with a status, e.g.
 * {@code throw new ApiException(400, "room_id required")}. The message is shown to the caller,
 * so it must never carry secrets or server paths.
 */
public class ApiException extends WebApplicationException {

    public ApiException(int status, String message) {
        super(message, status);
    }
}
