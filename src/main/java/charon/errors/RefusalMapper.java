package charon.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The one place where a kind of refusal becomes an HTTP status: {@code {"error": message}} or the refusal's own body. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    @Override
    public Response toResponse(Refusal refusal) {
        return answer(refusal);
    }

    static Response answer(Refusal refusal) {
        Object body = refusal.body() != null ? refusal.body() : new ErrorBody(refusal.getMessage());
        Response.ResponseBuilder response = Response.status(status(refusal)).type(ErrorResponses.JSON_UTF8)
                .entity(charon.json.Json.write(body));
        if (refusal instanceof TooManyRequests tooMany) {
            response.header("Retry-After", tooMany.retryAfterSeconds());
        }
        return response.build();
    }

    public static int status(Refusal refusal) {
        // the permitted kinds, one status each (Java 17: no pattern switch)
        if (refusal instanceof InvalidRequest) {
            return 400;
        } else if (refusal instanceof NotSignedIn) {
            return 401;
        } else if (refusal instanceof Forbidden) {
            return 403;
        } else if (refusal instanceof NotFound) {
            return 404;
        } else if (refusal instanceof Conflict) {
            return 409;
        } else if (refusal instanceof BodyTooLarge) {
            return 413;
        } else if (refusal instanceof TooManyRequests) {
            return 429;
        }
        return 500; // BrokenData
    }
}
