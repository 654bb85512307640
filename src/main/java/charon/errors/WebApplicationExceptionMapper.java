package charon.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every JAX-RS error status (Jersey's own 404/405/406/415 included) a JSON body. An
 * A {@link Refusal} wrapped by the runtime is answered as itself; other exceptions get the status's default
 * wording, since their messages are Jersey's and may describe internals. Headers such as {@code Allow}
 * are kept; answers that already carry a body, and non-errors, pass through unchanged.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Refusal refusal = UnexpectedExceptionMapper.refusalIn(exception.getCause());
        if (refusal != null) {
            return RefusalMapper.answer(refusal);
        }
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status < 400 || original.hasEntity()) {
            return original;
        }
        String text = ErrorResponses.defaultText(status);
        return Response.fromResponse(original)
                .type(ErrorResponses.JSON_UTF8)
                .entity(new ErrorBody(text).toJson())
                .build();
    }
}
