package charon.json;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** Answers a {@link RequestRejected} with its status and {"error": "..."}. */
@Provider
public class RequestRejectedMapper implements ExceptionMapper<RequestRejected> {
    @Override
    public Response toResponse(RequestRejected rejected) {
        Response.ResponseBuilder response = Response.status(rejected.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", rejected.getMessage()));
        if (rejected instanceof TooManyRequests tooMany) {
            response.header("Retry-After", tooMany.retryAfterSeconds());
        }
        return response.build();
    }
}
