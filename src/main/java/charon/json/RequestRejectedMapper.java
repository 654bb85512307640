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
        return Response.status(rejected.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", rejected.getMessage()))
                .build();
    }
}
